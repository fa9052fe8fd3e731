package org.broadsheet.comment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.site.SiteUrls;
import org.broadsheet.spam.CommentDraft;
import org.broadsheet.spam.SpamFilter;
import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.PageOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moderation queue: Pending, Approved, Spam and Trash, and what moderators do there. Every decision
 * between spam and not spam teaches the learned filter (and Akismet, when it is on).
 */
@Service
public class CommentQueue {

    private static final Logger log = LoggerFactory.getLogger(CommentQueue.class);
    static final int PER_PAGE = 30;

    private final CommentRepository repository;
    private final ArticleService articles;
    private final SiteSettings siteSettings;
    private final SiteUrls urls;
    private final SpamFilter spam;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CommentQueue(CommentRepository repository, ArticleService articles, SiteSettings siteSettings, SiteUrls urls,
                 SpamFilter spam, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.articles = articles;
        this.siteSettings = siteSettings;
        this.urls = urls;
        this.spam = spam;
        this.events = events;
        this.clock = clock;
    }

    public Map<CommentStatus, Long> counts() {
        Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
        for (CommentStatus status : CommentStatus.values()) {
            counts.put(status, repository.countByStatus(status));
        }
        return counts;
    }

    public PageOf<QueueItem> list(CommentStatus status, int page) {
        long total = repository.countByStatus(status);
        PageOf<QueueItem> empty = new PageOf<>(List.of(), page, PER_PAGE, total);
        ZoneId zone = siteSettings.current().timeZone();
        List<QueueItem> items = repository.byStatus(status, PER_PAGE, empty.offset()).stream().map(r -> item(r, zone)).toList();
        return new PageOf<>(items, page, PER_PAGE, total);
    }

    public QueueItem get(long id) {
        return repository.find(id).map(r -> item(r, siteSettings.current().timeZone()))
                .orElseThrow(() -> new NotFoundException("There is no comment " + id + "."));
    }

    /** Applies one action to each comment; missing ids are skipped. Returns how many comments changed. */
    public int moderate(List<Long> ids, ModerationAction action) {
        int changed = 0;
        for (long id : ids) {
            Optional<CommentRepository.CommentRow> row = repository.find(id);
            if (row.isPresent()) {
                apply(row.get(), action);
                changed++;
            }
        }
        return changed;
    }

    private void apply(CommentRepository.CommentRow row, ModerationAction action) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        switch (action) {
            case APPROVE:
                change(row, CommentStatus.APPROVED, "HAM", now);
                teach(row, false);
                break;
            case SPAM:
                change(row, CommentStatus.SPAM, "SPAM", now);
                teach(row, true);
                break;
            case UNAPPROVE:
                change(row, CommentStatus.PENDING, null, now);
                break;
            case TRASH:
                change(row, CommentStatus.TRASH, null, now);
                break;
            default:
                deleteRow(row);
        }
    }

    private void change(CommentRepository.CommentRow row, CommentStatus status, String trainedAs, OffsetDateTime now) {
        transactions.executeWithoutResult(tx -> {
            repository.updateStatus(row.id(), status, trainedAs, now);
            events.publishEvent(new CommentChanged(row.id(), row.articleId()));
        });
    }

    /** Moving the replies up and deleting the comment happen together or not at all. */
    private void deleteRow(CommentRepository.CommentRow row) {
        transactions.executeWithoutResult(tx -> {
            repository.delete(row.id());
            events.publishEvent(new CommentChanged(row.id(), row.articleId()));
        });
    }

    /** A lesson that fails (database busy, Akismet down) must not undo the moderator's decision. */
    private void teach(CommentRepository.CommentRow row, boolean isSpam) {
        Boolean previous = row.trainedAs() == null ? null : "SPAM".equals(row.trainedAs());
        try {
            spam.learn(draft(row), isSpam, previous);
        } catch (RuntimeException e) {
            log.warn("The spam filter could not learn from comment {}: {}", row.id(), e.getMessage());
        }
    }

    CommentDraft draft(CommentRepository.CommentRow row) {
        Optional<Article> article = articles.find(row.articleId());
        String url = article.filter(a -> a.publishedAt() != null)
                .map(a -> urls.absolute(ArticleUrls.of(a.publishedAt(), a.slug(), siteSettings.current().timeZone()))).orElse("");
        return new CommentDraft(row.body(), row.authorName(), row.authorEmail(), row.authorUrl() == null ? "" : row.authorUrl(),
                row.authorIp(), row.userAgent(), "", article.map(Article::language).orElse(null), url,
                CommentDraft.keyOf(row.articleId()), null, false,
                CommentDraft.History.NONE);
    }

    /** A moderator corrects a comment's author name, website or text. */
    @Transactional
    public void edit(long id, String name, String url, String text) {
        CommentRepository.CommentRow row = repository.find(id).orElseThrow(() -> new NotFoundException("There is no comment " + id + "."));
        CommentForm form = new CommentForm(name, row.authorEmail().isEmpty() ? "erased@example.invalid" : row.authorEmail(),
                url, text, "", "", "");
        List<String> problems = form.problems(false);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join(" ", problems));
        }
        repository.updateBody(id, form.name(), form.url().isEmpty() ? null : form.url(), form.text(), OffsetDateTime.now(clock));
        events.publishEvent(new CommentChanged(id, row.articleId()));
    }

    /**
     * A moderator replies from the queue, as themselves; the reply is approved, and so is the comment it answers
     * (replying to a comment one has not approved would leave the reply hanging).
     */
    public long reply(long parentId, String staffEmail, String text) {
        CommentRepository.CommentRow parent = repository.find(parentId)
                .orElseThrow(() -> new NotFoundException("There is no comment " + parentId + "."));
        CommentRepository.Staff staff = repository.staff(staffEmail)
                .orElseThrow(() -> new BadRequestException("Only staff accounts can reply from the queue."));
        CommentForm form = new CommentForm(staff.displayName(), staff.email(), "", text, String.valueOf(parentId), "", "");
        List<String> problems = form.problems(true);
        if (!problems.isEmpty()) {
            throw new BadRequestException(String.join(" ", problems));
        }
        if (parent.status() != CommentStatus.APPROVED) {
            apply(parent, ModerationAction.APPROVE);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return insertReply(parent, staff, form.text(), now);
    }

    private long insertReply(CommentRepository.CommentRow parent, CommentRepository.Staff staff, String text, OffsetDateTime now) {
        return transactions.execute(tx -> insertReplyRow(parent, staff, text, now));
    }

    private long insertReplyRow(CommentRepository.CommentRow parent, CommentRepository.Staff staff, String text, OffsetDateTime now) {
        long id = repository.insert(new CommentRepository.NewComment(parent.articleId(), parent.id(), staff.displayName(),
                staff.email(), null, null, null, staff.id(), text, CommentStatus.APPROVED, 0, "staff reply from the moderation queue",
                now, null, CommentService.bodyHash(text), false));
        events.publishEvent(new CommentChanged(id, parent.articleId()));
        return id;
    }

    private QueueItem item(CommentRepository.CommentRow r, ZoneId zone) {
        Optional<Article> article = articles.find(r.articleId());
        String url = article.filter(a -> a.publishedAt() != null)
                .map(a -> ArticleUrls.of(a.publishedAt(), a.slug(), zone)).orElse("");
        List<String> reasons = r.spamReasons() == null || r.spamReasons().isBlank() ? List.of()
                : Arrays.stream(r.spamReasons().split("\n")).filter(s -> !s.isBlank()).toList();
        return new QueueItem(r.id(), r.status(), r.authorName(), r.authorEmail(), r.authorUrl(), r.authorIp(),
                article.map(Article::title).orElse("(deleted article)"), url, CommentText.toHtml(r.body()), r.body(),
                r.spamScore(), reasons, r.createdAt().atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm")),
                r.parentId(), r.parentId() == null || url.isEmpty() ? null : CommentLinks.permalink(url, r.parentId()));
    }
}
