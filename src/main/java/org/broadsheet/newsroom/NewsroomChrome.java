package org.broadsheet.newsroom;

import java.util.List;

/**
 * What every newsroom page shows around its content: who is signed in, the navigation their role allows,
 * and how many comments wait for moderation.
 *
 * @param csrfParameter name of the hidden CSRF field every form must carry
 * @param csrfToken     its value
 */
public record NewsroomChrome(String siteTitle, String userName, String role, List<NavItem> navigation,
                             long pendingComments, String stylesheetUrl, String csrfParameter, String csrfToken) {

    /** One newsroom menu entry; {@code current} marks the page being shown. */
    public record NavItem(String label, String url, boolean current) {
    }
}
