package org.broadsheet.comment;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The reader discussion under each article: what is shown, and comments entered by the application. */
@Service
public class CommentService {

    /** Replies deeper than this are shown at this depth, so that a long exchange stays readable on a phone. */
    public static final int MAX_DEPTH = 5;

    private final CommentRepository repository;
    private final ApplicationEventPublisher events;

    CommentService(CommentRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** The approved discussion of an article, threaded: top-level comments oldest first, each with its replies. */
    public Discussion discussion(long articleId) {
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
        List<CommentView> thread = roots.stream().map(r -> view(r, 0, children)).toList();
        return new Discussion(rows.size(), thread);
    }

    /** How many comments wait for moderation; the newsroom menu shows it. */
    public long pendingCount() {
        return repository.pendingCount();
    }

    public Map<Long, Long> approvedCounts(Collection<Long> articleIds) {
        return repository.approvedCounts(articleIds);
    }

    /** Stores a comment that the application itself vouches for (demo content, imports). */
    public long addTrusted(long articleId, Long parentId, String name, String email, String url, String body,
                           CommentStatus status, OffsetDateTime at) {
        long id = repository.insert(articleId, parentId, name, email, url, null, null, null, body, status, 0, "", at);
        events.publishEvent(new CommentChanged(id, articleId));
        return id;
    }

    private CommentView view(CommentRepository.ApprovedRow row, int depth,
                             Map<Long, List<CommentRepository.ApprovedRow>> children) {
        List<CommentView> replies = children.getOrDefault(row.id(), List.of()).stream()
                .map(c -> view(c, Math.min(depth + 1, MAX_DEPTH), children)).toList();
        return new CommentView(row.id(), row.authorName(), webAddressOrNull(row.authorUrl()), CommentText.toHtml(row.body()),
                row.createdAt(), depth, replies);
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

    /** The shown part of a discussion: how many approved comments, and their thread. */
    public record Discussion(int count, List<CommentView> thread) {
    }
}
