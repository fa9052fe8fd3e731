package org.broadsheet.comment;

import java.util.List;

import org.broadsheet.site.PageHead;

/**
 * The comment pages outside the article: the reply form, the form shown again with problems (400, 429), the
 * "held for moderation" notice that shows the commenter their own text, and further pages of comments.
 *
 * @param parent    the comment being replied to, or null
 * @param form      the form, or null when the page has none
 * @param ownText   on the held notice: the commenter's text, made safe by {@link CommentText}
 * @param thread    on a page of comments: its top-level comments with their replies
 */
public record CommentPostPage(PageHead head, String articleTitle, String articleUrl, String heading, String message,
                              CommentView parent, CommentFormView form, String ownText, List<CommentView> thread,
                              String previousPageUrl, String nextPageUrl) {
}
