package org.broadsheet.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.broadsheet.spam.CommentDraft;
import org.broadsheet.spam.SpamFilter;
import org.broadsheet.spam.SpamVerdict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The reader discussion under each article: what is shown, and posting new comments through the spam filter. */
@Service
public class CommentService {

    /** Replies deeper than this are shown at this depth, unless the settings say otherwise. */
    public static final int MAX_DEPTH = 5;

    private final CommentRepository repository;
    private final ApplicationEventPublisher events;
    private final DiscussionSettings settings;
    private final FormTokens tokens;
    private final SpamFilter spam;
    private final ModeratorMail mail;
    private final RateLocks rateLocks;
    private final Clock clock;

    CommentService(CommentRepository repository, ApplicationEventPublisher events, DiscussionSettings settings,
                   FormTokens tokens, SpamFilter spam, ModeratorMail mail, RateLocks rateLocks, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.settings = settings;
        this.tokens = tokens;
        this.spam = spam;
        this.mail = mail;
        this.rateLocks = rateLocks;
        this.clock = clock;
    }

    /** The approved discussion of an article, threaded, as if it were open (for callers that know no more). */
    public Discussion discussion(long articleId) {
        return discussion(articleId, "", true, null);
    }

    /**
     * The approved discussion of an article, threaded (first page of top-level comments, in the configured
     * order), whether it takes new comments, and a fresh form token.
     *
     * @param articleUrl  the article's path, ending in "/"
     * @param articleOpen the article's own switch ({@code article.comments_open})
     * @param publishedAt when it was published, for auto-closing; null if unknown
     */
    public Discussion discussion(long articleId, String articleUrl, boolean articleOpen, OffsetDateTime publishedAt) {
        DiscussionSettings.Settings s = settings.current();
        return discussionPage(articleId, articleUrl, isOpen(s, articleOpen, publishedAt), 1, s);
    }

    Discussion discussionPage(long articleId, String articleUrl, boolean open, int page, DiscussionSettings.Settings s) {
        Threads threads = threads(articleId, s);
        List<CommentRepository.ApprovedRow> rows = threads.rows();
        Map<Long, List<CommentRepository.ApprovedRow>> children = threads.children();
        List<CommentRepository.ApprovedRow> roots = threads.roots();
        int totalPages = Math.max(1, (roots.size() + s.perPage() - 1) / s.perPage());
        int number = Math.min(Math.max(1, page), totalPages);
        List<CommentRepository.ApprovedRow> shown = roots.subList((number - 1) * s.perPage(),
                Math.min(roots.size(), number * s.perPage()));
        String replyBase = open && !articleUrl.isEmpty() ? articleUrl + "comments/reply?to=" : null;
        List<CommentView> thread = shown.stream().map(r -> view(r, 0, children, s.maxDepth(), replyBase)).toList();
        String token = open ? tokens.issue(articleId, clock.instant()) : "";
        return new Discussion(rows.size(), thread, open, token, number, totalPages, articleUrl, s.retentionDays(),
                StaffPoster.currentName());
    }

    /**
     * The page of the discussion ({@link #discussionPage}, with the current settings) that shows a comment: the
     * page of its top-level thread. 1 (the article page itself) for a comment that is not shown.
     */
    int pageHolding(long articleId, long commentId) {
        DiscussionSettings.Settings s = settings.current();
        Threads threads = threads(articleId, s);
        CommentRepository.ApprovedRow row = threads.byId().get(commentId);
        if (row == null) {
            return 1;
        }
        // Up to the comment that starts its thread: the first whose parent is not shown (or that has none).
        for (int up = 0; up < threads.rows().size() && row.parentId() != null && threads.byId().containsKey(row.parentId()); up++) {
            row = threads.byId().get(row.parentId());
        }
        return threads.roots().indexOf(row) / s.perPage() + 1;
    }

    /** An article's approved comments: by id, each one's replies, and the top-level ones in the configured order. */
    private record Threads(List<CommentRepository.ApprovedRow> rows, Map<Long, CommentRepository.ApprovedRow> byId,
                           Map<Long, List<CommentRepository.ApprovedRow>> children, List<CommentRepository.ApprovedRow> roots) {
    }

    private Threads threads(long articleId, DiscussionSettings.Settings s) {
        List<CommentRepository.ApprovedRow> rows = repository.approvedFor(articleId);
        Map<Long, List<CommentRepository.ApprovedRow>> children = new HashMap<>();
        Map<Long, CommentRepository.ApprovedRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<CommentRepository.ApprovedRow> roots = new ArrayList<>();
        for (CommentRepository.ApprovedRow row : rows) {
            // A reply whose parent is not shown (pending, spam, trash) is shown at the top level.
            if (row.parentId() == null || !byId.containsKey(row.parentId())) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            }
        }
        if (s.newestFirst()) {
            roots.sort(Comparator.comparing(CommentRepository.ApprovedRow::createdAt).reversed());
        }
        return new Threads(rows, byId, children, roots);
    }

    public Map<Long, Long> approvedCounts(Collection<Long> articleIds) {
        return repository.approvedCounts(articleIds);
    }

    /** How many comments wait for a moderator (the newsroom header shows it). */
    public long pendingCount() {
        return repository.countByStatus(CommentStatus.PENDING);
    }

    /** Whether new articles take comments, by the discussion settings. */
    public boolean openByDefault() {
        return settings.current().openByDefault();
    }

    /** Stores a comment that the application itself vouches for (demo content, imports). */
    public long addTrusted(long articleId, Long parentId, String name, String email, String url, String body,
                           CommentStatus status, OffsetDateTime at) {
        long id = repository.insert(articleId, parentId, name, email, url, null, null, null, body, status, 0, "", at);
        events.publishEvent(new CommentChanged(id, articleId));
        return id;
    }

    static boolean isOpen(DiscussionSettings.Settings s, boolean articleOpen, OffsetDateTime publishedAt) {
        if (!articleOpen) {
            return false;
        }
        return s.closeAfterDays() == 0 || publishedAt == null
                || publishedAt.plusDays(s.closeAfterDays()).toInstant().isAfter(Instant.now());
    }

    /** The article a comment is posted under, as the controller found it. */
    record Target(long articleId, String url, String absoluteUrl, String language, boolean open) {
    }

    /** Who sent the form: network facts, and the staff account when a signed-in editor posts as themselves. */
    record Sender(String ip, String userAgent, String referrer, String staffEmail) {
    }

    /** A stored comment: where the reader goes next. */
    record Posted(long id, CommentStatus status, boolean duplicate) {
    }

    /**
     * Posts a reader's (or staff member's) comment. Everything that can be wrong is checked before anything is
     * stored; the spam filter runs outside the transaction (it may call Akismet); the rate check and the insert are
     * one transaction under the sender's {@link RateLocks}, and a double submission finds the first comment through
     * the idempotency key.
     *
     * @throws CommentRejected with what to fix; nothing was stored
     */
    Posted post(Target target, CommentForm form, Sender sender) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        DiscussionSettings.Settings s = settings.current();
        Optional<CommentRepository.Staff> staff = Optional.ofNullable(sender.staffEmail()).flatMap(repository::staff);
        List<String> problems = new ArrayList<>(form.problems(staff.isPresent()));
        Optional<FormTokens.Issued> issued = tokens.verify(form.token(), target.articleId(), now.toInstant());
        if (issued.isEmpty() && tokens.expired(form.token(), target.articleId(), now.toInstant())) {
            // The page cache kept the page with this form longer than a token lives: it is dropped, so that the
            // next reader gets a form that works the first time.
            events.publishEvent(CommentChanged.discussionOf(target.articleId()));
            problems.add("This form was served more than " + FormTokens.MAX_AGE.toDays()
                    + " days ago and has expired. Your comment is kept below: please send it again.");
        } else if (issued.isEmpty()) {
            problems.add("This form has expired or was not sent from this site. Your comment is kept below: please send it again.");
        }
        if (!target.open()) {
            throw new CommentRejected(403, "Comments are closed for this article.");
        }
        Long parentId = form.parentId();
        if (problems.isEmpty() && parentId != null) {
            Optional<CommentRepository.CommentRow> parent = repository.find(parentId);
            if (parent.isEmpty() || parent.get().articleId() != target.articleId()
                    || (parent.get().status() != CommentStatus.APPROVED && staff.isEmpty())) {
                problems.add("The comment you are replying to is not (or no longer) shown under this article.");
            }
        }
        if (!problems.isEmpty()) {
            throw new CommentRejected(400, problems, null);
        }
        String name = staff.map(CommentRepository.Staff::displayName).orElse(form.name());
        // Stored in lower case, so that "Ann@Example.org" and "ann@example.org" are one commenter and the
        // per-email queries can use the index.
        String email = staff.map(account -> account.email().toLowerCase(Locale.ROOT)).orElse(form.normalisedEmail());
        String url = staff.isPresent() ? null : (form.url().isEmpty() ? null : form.url());
        String key = idempotencyKey(issued.get().nonce(), target.articleId(), parentId, email, form.text());
        Optional<CommentRepository.CommentRow> earlier = repository.findByIdempotencyKey(key);
        if (earlier.isPresent()) {
            return new Posted(earlier.get().id(), earlier.get().status(), true);
        }
        Limited limited = Limited.of(staff.isPresent(), sender.ip(), email, s);
        checkRate(limited, now, s);
        String hash = bodyHash(form.text());
        OffsetDateTime hourAgo = now.minusHours(1);
        long approvedBefore = repository.countApprovedFromEmail(email);
        CommentDraft.History history = new CommentDraft.History(
                (int) repository.countFromIpSince(sender.ip(), hourAgo), (int) repository.countFromEmailSince(email, hourAgo),
                (int) repository.countSameTextSince(hash, now.minusDays(1)), (int) approvedBefore,
                (int) repository.countModeratedSpamFromEmail(email));
        CommentDraft draft = new CommentDraft(form.text(), name, email, url == null ? "" : url, sender.ip(),
                sender.userAgent(), sender.referrer(), target.language(), target.absoluteUrl(), CommentDraft.keyOf(target.articleId()),
                Duration.between(issued.get().issuedAt(), now.toInstant()), !form.website().isEmpty(), history);
        SpamVerdict verdict = spam.assess(draft, s.spamRules());
        CommentModeration.Decision decision = CommentModeration.decide(verdict, s, staff.isPresent(), approvedBefore, form.text());
        CommentRepository.NewComment row = new CommentRepository.NewComment(target.articleId(), parentId, name, email,
                url, truncate(sender.ip(), 64), truncate(sender.userAgent(), 1000), staff.map(CommentRepository.Staff::id).orElse(null),
                form.text(), decision.status(), decision.score(),
                truncate(new SpamVerdict(verdict.decision(), decision.score(), decision.reasons(), decision.recheck()).reasons(), 4000),
                now, key, hash, decision.recheck());
        long id;
        try {
            // Counted again and stored in one transaction under the sender's locks (which hold across nodes):
            // the count above let the spam filter be skipped for a sender already over the limit, this one keeps
            // parallel posts from passing it together.
            id = rateLocks.holding(limited.addresses(), () -> {
                checkRate(limited, now, s);
                long inserted = repository.insert(row);
                events.publishEvent(new CommentChanged(inserted, target.articleId()));
                return inserted;
            });
        } catch (DuplicateKeyException raced) {
            CommentRepository.CommentRow first = repository.findByIdempotencyKey(key).orElseThrow(() -> raced);
            return new Posted(first.id(), first.status(), true);
        }
        if (decision.status() == CommentStatus.PENDING) {
            mail.awaitingModeration(id, target, name, form.text(), s);
        }
        return new Posted(id, decision.status(), false);
    }

    /**
     * The addresses whose hourly limit counts this post, null where none does (a staff member's post, a limit that is
     * off, an unknown network address). Both the count and the locks come from it, so they always agree.
     */
    private record Limited(String ip, String email) {

        static Limited of(boolean staff, String ip, String email, DiscussionSettings.Settings s) {
            return new Limited(staff || s.ipPerHour() <= 0 ? null : ip, staff || s.emailPerHour() <= 0 ? null : email);
        }

        List<String> addresses() {
            return Stream.of(ip, email).filter(Objects::nonNull).toList();
        }
    }

    private void checkRate(Limited limited, OffsetDateTime now, DiscussionSettings.Settings s) {
        OffsetDateTime hourAgo = now.minusHours(1);
        if (limited.ip() != null && repository.countFromIpSince(limited.ip(), hourAgo) >= s.ipPerHour()) {
            throw tooMany("from your network", repository.oldestFromIpSince(limited.ip(), hourAgo), now);
        }
        if (limited.email() != null && repository.countFromEmailSince(limited.email(), hourAgo) >= s.emailPerHour()) {
            throw tooMany("from your email address", repository.oldestFromEmailSince(limited.email(), hourAgo), now);
        }
    }

    private static CommentRejected tooMany(String from, OffsetDateTime oldest, OffsetDateTime now) {
        Duration wait = oldest == null ? Duration.ofMinutes(5) : Duration.between(now, oldest.plusHours(1));
        long minutes = Math.max(1, (wait.getSeconds() + 59) / 60);
        return new CommentRejected(429, List.of("Too many comments " + from + " in the last hour. Please try again in "
                + minutes + (minutes == 1 ? " minute" : " minutes") + "; your comment is kept below."),
                Duration.ofMinutes(minutes));
    }

    /** The comment a held-comment notice shows, when the signature proves the reader posted it. */
    Optional<CommentRepository.CommentRow> heldComment(long id, String signature) {
        return tokens.verifySignature("held:" + id, signature) ? repository.find(id) : Optional.empty();
    }

    String heldSignature(long id) {
        return tokens.sign("held:" + id);
    }

    Optional<CommentRepository.CommentRow> find(long id) {
        return repository.find(id);
    }

    String freshToken(long articleId) {
        return tokens.issue(articleId, clock.instant());
    }

    static String idempotencyKey(String nonce, long articleId, Long parentId, String email, String text) {
        return sha256(nonce + "\n" + articleId + "\n" + parentId + "\n" + email.toLowerCase(Locale.ROOT) + "\n" + text);
    }

    static String bodyHash(String text) {
        return sha256(text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * A comment and its replies, nested no deeper than {@code maxDepth}: the replies of a comment one level above
     * the deepest come with all their own replies as one flat list at the deepest level, each reply right after
     * the comment it answers (a page nests as its lists do, so depth is settled here, not left to the style sheet).
     */
    private CommentView view(CommentRepository.ApprovedRow row, int depth,
                             Map<Long, List<CommentRepository.ApprovedRow>> children, int maxDepth, String replyBase) {
        List<CommentView> replies;
        if (depth + 1 < maxDepth) {
            replies = children.getOrDefault(row.id(), List.of()).stream()
                    .map(c -> view(c, depth + 1, children, maxDepth, replyBase)).toList();
        } else {
            List<CommentRepository.ApprovedRow> flat = new ArrayList<>();
            addDescendants(row.id(), children, flat);
            replies = flat.stream().map(c -> shown(c, depth + 1, List.of(), replyBase)).toList();
        }
        return shown(row, depth, replies, replyBase);
    }

    private static void addDescendants(long id, Map<Long, List<CommentRepository.ApprovedRow>> children,
                                       List<CommentRepository.ApprovedRow> out) {
        for (CommentRepository.ApprovedRow child : children.getOrDefault(id, List.of())) {
            out.add(child);
            addDescendants(child.id(), children, out);
        }
    }

    private static CommentView shown(CommentRepository.ApprovedRow row, int depth, List<CommentView> replies, String replyBase) {
        return new CommentView(row.id(), row.authorName(), webAddressOrNull(row.authorUrl()), CommentText.toHtml(row.body()),
                row.createdAt(), depth, replies, replyBase == null ? null : replyBase + row.id(), row.staff());
    }

    /** Only http(s) addresses become links; anything else (javascript:, data:) is dropped. */
    static String webAddressOrNull(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? trimmed : null;
    }

    /**
     * The shown part of a discussion.
     *
     * @param count      approved comments in all
     * @param open       whether the form is shown
     * @param formToken  the signed token the form carries (empty when closed)
     * @param articleUrl the article's path, for the comment form's action and page links
     * @param staffName  the signed-in staff member the form is for (asked for no name or email), null for a reader
     */
    public record Discussion(int count, List<CommentView> thread, boolean open, String formToken, int page,
                             int totalPages, String articleUrl, int retentionDays, String staffName) {

        public Discussion(int count, List<CommentView> thread) {
            this(count, thread, true, "", 1, 1, "", 60, null);
        }

        /** The empty form for a new top-level comment. */
        public CommentFormView form() {
            return CommentFormView.of(articleUrl, formToken, CommentForm.blank(null), staffName, "Leave a comment", List.of(),
                    retentionDays);
        }

        /** Link to the next page of comments, or null on the last. */
        public String nextPageUrl() {
            return page < totalPages ? articleUrl + "comments/?page=" + (page + 1) : null;
        }
    }
}
