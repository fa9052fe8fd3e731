package org.broadsheet.comment;

import java.util.List;

/**
 * A comment in the moderation queue, with everything a moderator needs to decide: who, where, the text,
 * and the spam filter's score and reasons.
 *
 * @param bodyHtml the text as readers would see it (escaped by {@link CommentText})
 * @param reasons  one line per signal, e.g. "links: 4 links (more than 2 allowed) [+3.0]"
 * @param parentUrl the lasting address of the comment this one answers (it redirects to the discussion page showing it); null for none
 */
public record QueueItem(long id, CommentStatus status, String authorName, String authorEmail, String authorUrl,
                        String authorIp, String articleTitle, String articleUrl, String bodyHtml, String body,
                        double score, List<String> reasons, String postedAt, Long parentId, String parentUrl) {

    public String anchor() {
        return "c" + id;
    }

    public String scoreText() {
        return String.format(java.util.Locale.ROOT, "%.1f", score);
    }
}
