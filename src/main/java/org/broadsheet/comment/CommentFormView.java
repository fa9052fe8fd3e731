package org.broadsheet.comment;

import java.util.List;

/**
 * The comment form as a template shows it: where it posts, its signed token, and what the reader typed
 * (kept when the form comes back with problems).
 *
 * @param staffName     set when a signed-in staff member will post as themselves (name and email then optional)
 * @param retentionDays after how many days IP address and user agent are erased, for the notice under the form
 */
public record CommentFormView(String action, String token, String parentId, String name, String email, String url,
                              String text, String staffName, String heading, List<String> problems, int retentionDays) {

    static CommentFormView of(String articleUrl, String token, CommentForm form, String staffName, String heading,
                              List<String> problems, int retentionDays) {
        return new CommentFormView(articleUrl + "comments", token, form.parent(), form.name(), form.email(), form.url(),
                form.text(), staffName, heading, problems, retentionDays);
    }
}
