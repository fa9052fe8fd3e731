package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.ArticlePages;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An unpublished article as readers will see it: for staff at {@code /preview/article/{id}/}, and for anyone
 * holding a secret link at {@code /preview/{token}/} until it expires. Never indexed, never cached.
 */
@Controller
class PreviewController {

    private final ArticlePages pages;
    private final ArticleEditor editor;
    private final PreviewLinks links;
    private final SiteSettings settings;

    PreviewController(ArticlePages pages, ArticleEditor editor, PreviewLinks links, SiteSettings settings) {
        this.pages = pages;
        this.editor = editor;
        this.links = links;
        this.settings = settings;
    }

    @GetMapping("/preview/article/{id}/")
    String staff(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model, HttpServletResponse response) {
        editor.require(user, StaffAction.PREVIEW_ARTICLE, editor.load(id));
        return show(id, model, response);
    }

    @GetMapping("/preview/{token:[A-Za-z0-9_-]{20,}}/")
    String secret(@PathVariable String token, Model model, HttpServletResponse response) {
        long id = links.articleFor(token).orElseThrow(() -> new NotFoundException("This preview link has expired or does not exist."));
        return show(id, model, response);
    }

    private String show(long id, Model model, HttpServletResponse response) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("page", pages.preview(id, settings.current())
                .orElseThrow(() -> new NotFoundException("There is no such article.")));
        return "article/page";
    }
}
