package org.broadsheet.comment;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.newsroom.NewsroomChrome;
import org.broadsheet.site.SiteSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

/**
 * Builds the newsroom chrome for the moderation pages. Stands in for the newsroom's shared advice until the
 * features are merged; then the controllers take the chrome from the model instead.
 */
@Component
class ModerationChrome {

    private final SiteSettings settings;
    private final CommentService comments;

    ModerationChrome(SiteSettings settings, CommentService comments) {
        this.settings = settings;
        this.comments = comments;
    }

    NewsroomChrome build(HttpServletRequest request, String current) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String role = auth == null ? "" : auth.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", ""))
                .findFirst().orElse("");
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        List<NewsroomChrome.NavItem> nav = List.of(
                new NewsroomChrome.NavItem("Comments", "/newsroom/comments/", current.equals("queue")),
                new NewsroomChrome.NavItem("Discussion settings", "/newsroom/comments/settings", current.equals("settings")),
                new NewsroomChrome.NavItem("Commenters' data", "/newsroom/comments/personal-data", current.equals("privacy")));
        return new NewsroomChrome(settings.current().title(), auth == null ? "" : auth.getName(), role, nav,
                comments.pendingCount(), "/assets/site.css", csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken());
    }
}
