package org.broadsheet.comment;

/** Addresses of a comment on the public site: its anchor on the discussion page that shows it. */
final class CommentLinks {

    private CommentLinks() {
    }

    /**
     * @param articleUrl the article's path, ending in "/"
     * @param page       the discussion page holding the comment ({@link CommentService#pageHolding}); page 1 is
     *                   the article page itself, further pages are {@code …/comments/?page=N}
     */
    static String anchor(String articleUrl, int page, long commentId) {
        return (page <= 1 ? articleUrl : articleUrl + "comments/?page=" + page) + "#comment-" + commentId;
    }

    /**
     * The comment's lasting address ({@code …/comments/123/}), which redirects to {@link #anchor}: for lists that
     * link many comments, so that the page holding each is worked out only when a link is followed.
     */
    static String permalink(String articleUrl, long commentId) {
        return articleUrl + "comments/" + commentId + "/";
    }
}
