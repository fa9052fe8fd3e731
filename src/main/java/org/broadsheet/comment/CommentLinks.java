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
}
