package org.broadsheet.comment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final CommentRepository repository;
    private final DiscussionSettings settings;
    private final Akismet akismet;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    CommentPrivacy(CommentRepository repository, DiscussionSettings settings, Akismet akismet,
                   ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.akismet = akismet;
        this.events = events;
        this.clock = clock;
    }

    /** What the privacy page states about commenting: whether Akismet sees comments, and the retention period. */
    public record Facts(boolean akismetOn, int retentionDays) {
    }

    public Facts facts() {
        return new Facts(akismet.enabled(), settings.current().retentionDays());
    }

    /** Everything stored about an email address's comments, as JSON. */
    public String export(String email) {
        List<Map<String, Object>> comments = repository.byEmail(email.strip()).stream().map(r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.id());
            c.put("articleId", r.articleId());
            c.put("parentId", r.parentId());
            c.put("name", r.authorName());
            c.put("email", r.authorEmail());
            c.put("website", r.authorUrl());
            c.put("ipAddress", r.authorIp());
            c.put("userAgent", r.userAgent());
            c.put("text", r.body());
            c.put("status", r.status().name());
            c.put("postedAt", r.createdAt().toString());
            c.put("updatedAt", r.updatedAt().toString());
            return c;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("email", email.strip());
        out.put("exportedAt", OffsetDateTime.now(clock).toString());
        out.put("comments", comments);
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    /**
     * Erases the person behind an email address: name, email, website, IP address and user agent are removed
     * from their comments; the texts stay as "Anonymous" so that replies to them still make sense.
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
