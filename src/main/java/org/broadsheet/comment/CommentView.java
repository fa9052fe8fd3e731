package org.broadsheet.comment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An approved comment as readers see it, with its replies. The commenter's email is never part of it.
 *
 * @param bodyHtml the text made safe by {@link CommentText}
 * @param authorUrl the commenter's website, or null
 */
public record CommentView(long id, String authorName, String authorUrl, String bodyHtml, OffsetDateTime createdAt,
                          int depth, List<CommentView> replies) {

    public String anchor() {
        return "comment-" + id;
    }
}
