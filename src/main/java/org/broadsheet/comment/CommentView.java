package org.broadsheet.comment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An approved comment as readers see it, with its replies. The commenter's email is never part of it.
 *
 * @param bodyHtml the text made safe by {@link CommentText}
 * @param authorUrl the commenter's website, or null
 * @param replyUrl  the page with a form to reply to it (works without JavaScript), or null when replies are closed
 * @param staff     posted by a signed-in member of staff (marked so, since anyone may type a staff member's name)
 */
public record CommentView(long id, String authorName, String authorUrl, String bodyHtml, OffsetDateTime createdAt,
                          int depth, List<CommentView> replies, String replyUrl, boolean staff) {

    public String anchor() {
        return "comment-" + id;
    }
}
