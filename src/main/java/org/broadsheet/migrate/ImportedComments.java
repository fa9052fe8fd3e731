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
 * The comments of an import: those imported before are updated, each batch's new ones inserted with one JDBC
 * batch, and threads kept however the export orders replies and parents.
 */
final class ImportedComments {

    private final String site;
    private final ImportStore store;
    private final ImportReport report;
    private final OffsetDateTime now;
    /** WordPress comment id → ours, for this source site (from earlier runs and earlier batches). */
    private final Map<String, Long> known;
    private final List<ImportStore.NewComment> waiting = new ArrayList<>();

    ImportedComments(String site, ImportStore store, ImportReport report, OffsetDateTime now, Map<String, Long> known) {
        this.site = site;
        this.store = store;
        this.report = report;
        this.now = now;
        this.known = known;
    }

    /** Updates the item's comments imported before; collects the new ones for {@link #flush}. */
    void collect(Wxr.Item item, long articleId) {
        for (Wxr.Comment c : item.comments()) {
            Long parent = "0".equals(c.parent()) || c.parent().isBlank() ? null : known.get(c.parent());
            OffsetDateTime at = date(c.dateGmt(), c.date());
            String name = clip(text(c.author()), 200);
            ImportStore.CommentRow row = new ImportStore.CommentRow(articleId, parent,
                    name.isBlank() ? "Anonymous" : name, clip(c.email(), 320),
                    c.url().isBlank() ? null : clip(c.url(), 2000), c.ip().isBlank() ? null : clip(c.ip(), 64),
                    CommentBody.toText(c.content()), commentStatus(c.approved()).name(), at != null ? at : now);
            Long existing = c.id().isBlank() ? null : known.get(c.id());
            report.tally("comments");
            if (existing != null) {
                store.updateComment(existing, row);
                report.tally("comments updated");
            } else {
                waiting.add(new ImportStore.NewComment(row, c.id(), c.parent()));
            }
        }
    }

    /**
     * Inserts the collected comments in export order (ids follow the old site's order, which breaks ties
     * between comments of one minute), then links replies to parents that were new in the same batch.
     * Returns the migration-source rows to record for them.
     */
    List<Object[]> flush() {
        List<ImportStore.NewComment> fresh = new ArrayList<>(waiting);
        waiting.clear();
        long[] ids = store.insertComments(fresh);
        List<Object[]> sources = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            String wpId = fresh.get(i).wpId();
            if (!wpId.isBlank()) {
                known.put(wpId, ids[i]);
                sources.add(new Object[] {site, "comment", wpId, ids[i]});
            }
        }
        List<Object[]> parents = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            ImportStore.NewComment c = fresh.get(i);
            if (c.row().parentId() == null && hasParent(c)) {
                Long parent = c.wpParent().equals(c.wpId()) ? null : known.get(c.wpParent());
                if (parent != null) {
                    parents.add(new Object[] {parent, ids[i]});
                } else {
                    report.warn("comment " + c.wpId() + " answers comment " + c.wpParent()
                            + ", which the export does not have; shown at the top level");
                }
            }
        }
        store.setCommentParents(parents);
        return sources;
    }

    private static boolean hasParent(ImportStore.NewComment c) {
        return !c.wpParent().isBlank() && !"0".equals(c.wpParent());
    }
}
