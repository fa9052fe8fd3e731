package org.broadsheet.migrate;

import static org.broadsheet.migrate.WxrFields.clip;
import static org.broadsheet.migrate.WxrFields.commentStatus;
import static org.broadsheet.migrate.WxrFields.date;
import static org.broadsheet.migrate.WxrFields.text;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comments of an import: those imported before are updated, each batch's new ones inserted with JDBC
 * batches, and threads kept however the export orders replies and parents.
 */
final class ImportedComments {

    private final String site;
    private final ImportStore store;
    private final ImportReport report;
    /** WordPress comment id → ours, for this source site (from earlier runs and earlier batches). */
    private final Map<String, Long> known;
    private final List<ImportStore.NewComment> waiting = new ArrayList<>();

    /**
     * A comment with its text converted, not yet tied to an article: made by {@link #drafts} beside the
     * article's conversion, so that the writer thread only matches ids and writes.
     */
    record Draft(String wpId, String wpParent, String authorName, String authorEmail, String authorUrl,
                 String authorIp, String body, String status, OffsetDateTime createdAt) {
    }

    ImportedComments(String site, ImportStore store, ImportReport report, Map<String, Long> known) {
        this.site = site;
        this.store = store;
        this.report = report;
        this.known = known;
    }

    /** Converts an item's comments without the database: safe to run on several items at once. */
    static List<Draft> drafts(Wxr.Item item, OffsetDateTime now) {
        List<Draft> out = new ArrayList<>(item.comments().size());
        for (Wxr.Comment c : item.comments()) {
            OffsetDateTime at = date(c.dateGmt(), c.date());
            String name = clip(text(c.author()), 200);
            out.add(new Draft(c.id(), c.parent(), name.isBlank() ? "Anonymous" : name, clip(c.email(), 320),
                    c.url().isBlank() ? null : clip(c.url(), 2000), c.ip().isBlank() ? null : clip(c.ip(), 64),
                    CommentBody.toText(c.content()), commentStatus(c.approved()).name(), at != null ? at : now));
        }
        return out;
    }

    /** Updates the article's comments imported before; collects the new ones for {@link #flush}. */
    void collect(List<Draft> drafts, long articleId) {
        for (Draft d : drafts) {
            Long parent = hasParent(d.wpParent()) ? known.get(d.wpParent()) : null;
            ImportStore.CommentRow row = new ImportStore.CommentRow(articleId, parent, d.authorName(), d.authorEmail(),
                    d.authorUrl(), d.authorIp(), d.body(), d.status(), d.createdAt());
            Long existing = d.wpId().isBlank() ? null : known.get(d.wpId());
            report.tally("comments");
            if (existing != null) {
                store.updateComment(existing, row);
                report.tally("comments updated");
            } else {
                waiting.add(new ImportStore.NewComment(row, d.wpId(), d.wpParent()));
            }
        }
    }

    /**
     * Inserts the collected comments in export order (see {@link CommentThreads}: replies get their parent's id
     * as they are inserted), links the few replies that came before their parent, and returns the
     * migration-source rows to record for the new comments.
     */
    List<Object[]> flush() {
        List<ImportStore.NewComment> fresh = new ArrayList<>(waiting);
        waiting.clear();
        CommentThreads threads = new CommentThreads(fresh);
        threads.unanswerable().forEach(i -> report.warn("comment " + fresh.get(i).wpId() + " answers comment "
                + fresh.get(i).wpParent() + ", which the export does not have; shown at the top level"));
        threads.loops().forEach(i -> report.warn("comment " + fresh.get(i).wpId() + " answers comment "
                + fresh.get(i).wpParent() + ", which is among its own replies; shown at the top level"));
        long[] ids = store.insertComments(fresh, threads);
        List<Object[]> sources = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            String wpId = fresh.get(i).wpId();
            if (!wpId.isBlank()) {
                known.put(wpId, ids[i]);
                sources.add(new Object[] {site, "comment", wpId, ids[i]});
            }
        }
        List<Object[]> parents = new ArrayList<>();
        for (int i : threads.answersLater()) {
            parents.add(new Object[] {ids[threads.parentOf(i)], ids[i]});
        }
        store.setCommentParents(parents);
        return sources;
    }

    static boolean hasParent(String wpParent) {
        return !wpParent.isBlank() && !"0".equals(wpParent);
    }
}
