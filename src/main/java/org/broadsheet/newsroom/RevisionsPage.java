package org.broadsheet.newsroom;

import java.util.List;

/** The revisions of an article, and when two are chosen, their diff. */
public record RevisionsPage(long articleId, String title, List<Row> revisions, long fromId, long toId,
                            List<LineDiff.Line> diff, boolean canRestore) {

    public record Row(long id, int version, String savedBy, String savedAt, boolean autosave) {
    }
}
