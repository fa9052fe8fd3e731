package org.broadsheet.newsroom;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.comment.CommentService;
import org.broadsheet.site.SiteSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Builds {@link NewsroomChrome}, the newsroom's header and navigation, for a signed-in member of staff.
 * {@link NewsroomChromeInterceptor} puts it into every newsroom page's model, whichever feature's controller
 * serves it; {@link NewsroomErrors} into the newsroom's refusal pages.
 */
@Component
public class NewsroomChromeBuilder {

    private final SiteSettings settings;
    private final CommentService comments;
    /** Absent when the jar runs a command without the web server. */
    private final ObjectProvider<ResourceUrlProvider> resources;

    NewsroomChromeBuilder(SiteSettings settings, CommentService comments, ObjectProvider<ResourceUrlProvider> resources) {
        this.settings = settings;
        this.comments = comments;
        this.resources = resources;
    }

    /** The signed-in member of staff, or null. */
    public static StaffUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffUser u ? u : null;
    }

    public NewsroomChrome build(HttpServletRequest request, StaffUser user) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<NewsroomChrome.NavItem> nav = new ArrayList<>();
        add(nav, path, "Articles", "/newsroom/articles/");
        if (user.role().atLeast(Role.AUTHOR)) {
            add(nav, path, "Media", "/newsroom/media/");
        }
        long pending = 0;
        if (user.role().atLeast(Role.EDITOR)) {
            add(nav, path, "Comments", "/newsroom/comments/");
            add(nav, path, "Sections", "/newsroom/sections/");
            add(nav, path, "Tags", "/newsroom/tags/");
            add(nav, path, "Authors", "/newsroom/authors/");
            add(nav, path, "Partners", "/newsroom/partners/");
            pending = comments.pendingCount();
        }
        if (user.role().atLeast(Role.ADMINISTRATOR)) {
            add(nav, path, "Users", "/newsroom/users/");
            add(nav, path, "Settings", "/newsroom/settings/");
            add(nav, path, "Import", "/newsroom/import/");
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        ResourceUrlProvider provider = resources.getIfAvailable();
        String css = provider == null ? null : provider.getForLookupPath("/assets/site.css");
        return new NewsroomChrome(settings.current().title(), user.displayName(), user.role().label(), nav, pending,
                css == null ? "/assets/site.css" : css, csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken());
    }

    private static void add(List<NewsroomChrome.NavItem> nav, String path, String label, String url) {
        nav.add(new NewsroomChrome.NavItem(label, url, path.startsWith(url)));
    }
}
