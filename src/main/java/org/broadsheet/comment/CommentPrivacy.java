package org.broadsheet.comment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.spam.Akismet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Commenters' personal data: what the privacy page promises, export and erasure for an email address, and the
 * job that erases IP addresses and user agents after the retention period.
 */
@Service
public class CommentPrivacy {

    private static final Logger log = LoggerFactory.getLogger(CommentPrivacy.class);

    /** Said in the export instead of the title and address of an article that readers cannot see. */
    static final String NOT_PUBLIC = "article no longer public";

    private final CommentRepository repository;
    private final DiscussionSettings settings;
    private final Akismet akismet;
    private final ArticleService articles;
    private final SiteSettings siteSettings;
    private final SiteUrls urls;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CommentPrivacy(CommentRepository repository, DiscussionSettings settings, Akismet akismet, ArticleService articles,
                   SiteSettings siteSettings, SiteUrls urls, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.akismet = akismet;
        this.articles = articles;
        this.siteSettings = siteSettings;
        this.urls = urls;
        this.events = events;
        this.clock = clock;
    }

    /** What the privacy page states about commenting: whether Akismet sees comments, and the retention period. */
    public record Facts(boolean akismetOn, int retentionDays) {
    }

    public Facts facts() {
        return new Facts(akismet.enabled(), settings.current().retentionDays());
    }

    /**
     * Everything stored about an email address's comments, as JSON, with the title and address of the article
     * each is under so that the person can find them.
     */
    public String export(String email) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ZoneId zone = siteSettings.current().timeZone();
        Map<Long, Commented> commented = new HashMap<>();
        List<Map<String, Object>> comments = repository.byEmail(email.strip()).stream().map(r -> {
            Commented article = commented.computeIfAbsent(r.articleId(), id -> commented(id, now, zone));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.id());
            c.put("articleId", r.articleId());
            c.put("articleTitle", article.title());
            c.put("articleUrl", article.url());
            c.put("articleNote", article.note());
            c.put("parentId", r.parentId());
            c.put("name", r.authorName());
            c.put("email", r.authorEmail());
            c.put("website", r.authorUrl());
            c.put("ipAddress", r.authorIp());
            c.put("userAgent", r.userAgent());
            c.put("text", r.body());
            c.put("status", r.status().name());
            // What the spam filter concluded about the comment is kept about the person too, so it is theirs to see.
            c.put("spamScore", r.spamScore());
            c.put("spamReasons", r.spamReasons() == null ? List.of()
                    : Arrays.stream(r.spamReasons().split("\n")).filter(s -> !s.isBlank()).toList());
            c.put("postedAt", r.createdAt().toString());
            c.put("updatedAt", r.updatedAt().toString());
            return c;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", email.strip());
        out.put("exportedAt", now.toString());
        out.put("comments", comments);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    /** The article a comment is under, as the export names it; title and address null with a note when not public. */
    private record Commented(String title, String url, String note) {
    }

    /**
     * Only an article that readers can see now is named: the title of a draft, a scheduled or an archived article
     * is not the commenter's data, and the editors may not mean anyone outside the newsroom to read it.
     */
    private Commented commented(long articleId, OffsetDateTime now, ZoneId zone) {
        return articles.find(articleId).filter(a -> a.isPublicAt(now))
                .map(a -> new Commented(a.title(), urls.absolute(ArticleUrls.of(a.publishedAt(), a.slug(), zone)), null))
                .orElse(new Commented(null, null, NOT_PUBLIC));
    }

    /**
     * Erases the person behind an email address: name, email, website, IP address and user agent are removed
     * from their comments, and from the spam reasons that quote them; the texts stay as "Anonymous" so that
     * replies to them still make sense.
     *
     * @return how many comments were anonymised
     */
    @Transactional
    public int erase(String email) {
        List<CommentRepository.CommentRow> rows = repository.anonymise(email.strip(), OffsetDateTime.now(clock));
        rows.forEach(r -> events.publishEvent(new CommentChanged(r.id(), r.articleId())));
        return rows.size();
    }

    /** Erases IP addresses and user agents older than the retention period. Runs hourly; harmless to run twice. */
    @Scheduled(fixedDelayString = "${broadsheet.comments.retention-interval:PT1H}", initialDelayString = "PT1M")
    public int eraseNetworkData() {
        int erased = repository.eraseNetworkData(OffsetDateTime.now(clock).minusDays(settings.current().retentionDays()));
        if (erased > 0) {
            log.info("Erased IP address and user agent of {} comments past the retention period", erased);
        }
        return erased;
    }
}
