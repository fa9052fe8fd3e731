package org.broadsheet.newsroom;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.render.MarkdownRenderer;
import org.broadsheet.render.MarkdownTooDeep;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/** Starting, editing, autosaving and previewing articles. */
@Controller
class ArticleEditorController {

    private final ArticleEditor editor;
    private final EditorPages pages;
    private final MarkdownRenderer markdown;
    private final SiteSettings settings;

    ArticleEditorController(ArticleEditor editor, EditorPages pages, MarkdownRenderer markdown, SiteSettings settings) {
        this.editor = editor;
        this.pages = pages;
        this.markdown = markdown;
        this.settings = settings;
    }

    @GetMapping("/newsroom/articles/new")
    String newArticle(Model model) {
        model.addAttribute("page", new NewArticlePage(List.of(new Option("en", "English"), new Option("ru", "Русский"),
                new Option("ja", "日本語")), settings.current().language()));
        return "newsroom/new-article";
    }

    @PostMapping("/newsroom/articles/")
    String create(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String language) {
        long id = editor.startDraft(user, title, language);
        return "redirect:/newsroom/articles/" + id + "/";
    }

    @GetMapping("/newsroom/articles/{id}/")
    String edit(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                @RequestParam(required = false) String saved, @RequestParam(required = false) String error,
                Model model) {
        Object previewLink = model.getAttribute("previewLink");
        Article a = editor.load(id);
        editor.require(user, StaffAction.PREVIEW_ARTICLE, a);
        ArticleForm form = ArticleForm.of(a, editorLinks(id), editor.tagNames(id), settings.current().timeZone());
        model.addAttribute("page", pages.page(user, a, form, Map.of(), saved != null ? "Saved." : "",
                error == null ? "" : error, List.of(), previewLink == null ? "" : previewLink.toString()));
        return "newsroom/editor";
    }

    @PostMapping("/newsroom/articles/{id}/")
    String save(@AuthenticationPrincipal StaffUser user, @PathVariable long id, ArticleForm form, Model model,
                HttpServletResponse response) {
        ArticleEditor.Outcome outcome = editor.save(user, id, form, false);
        if (outcome instanceof ArticleEditor.Outcome.Saved) {
            return "redirect:/newsroom/articles/" + id + "/?saved=1";
        }
        Article current = editor.load(id);
        if (outcome instanceof ArticleEditor.Outcome.Invalid invalid) {
            response.setStatus(422);
            model.addAttribute("page", pages.page(user, current, invalid.form(), invalid.errors(), "",
                    "The article was not saved: please correct the fields marked below.", List.of(), ""));
        } else {
            ArticleEditor.Outcome.Conflict conflict = (ArticleEditor.Outcome.Conflict) outcome;
            response.setStatus(409);
            model.addAttribute("page", pages.page(user, current, conflict.form(), Map.of(), "",
                    "Not saved: someone else saved this article after you opened it. Their version and yours are "
                            + "compared below (\u2212 theirs, + yours). Your text is still in the form: merge what you "
                            + "need and save again to replace their version.", conflict.diff(), ""));
        }
        return "newsroom/editor";
    }

    /** The editor's script saves drafts every few seconds; answers with the new version or why not. */
    @PostMapping(value = "/newsroom/articles/{id}/autosave", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> autosave(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                                                 ArticleForm form) {
        Map<String, Object> body = new LinkedHashMap<>();
        ArticleEditor.Outcome outcome;
        try {
            outcome = editor.save(user, id, form, true);
        } catch (NotFoundException | AccessDeniedException e) {
            // Answered in JSON like every other outcome, so that the editor shows why (not "no connection").
            body.put("error", "Not saved: " + e.getMessage());
            return ResponseEntity.status(e instanceof NotFoundException ? 404 : 403).body(body);
        }
        if (outcome instanceof ArticleEditor.Outcome.Saved saved) {
            body.put("version", saved.article().version());
            body.put("savedAt", saved.article().updatedAt().atZoneSameInstant(settings.current().timeZone())
                    .format(DateTimeFormatter.ofPattern("HH:mm:ss")));
            return ResponseEntity.ok(body);
        }
        if (outcome instanceof ArticleEditor.Outcome.Invalid invalid) {
            body.put("error", "Not saved: " + invalid.errors().values().iterator().next());
            return ResponseEntity.unprocessableContent().body(body);
        }
        body.put("error", "Not saved: someone else saved this article meanwhile. Press Save to see the differences.");
        return ResponseEntity.status(409).body(body);
    }

    /** The live preview (htmx): the Markdown as readers will get it, rendered by the site's own renderer. */
    @PostMapping(value = "/newsroom/preview", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String preview(@RequestParam(defaultValue = "") String body) {
        try {
            return "<div class=\"article-body\">" + markdown.render(body) + "</div>";
        } catch (MarkdownTooDeep e) {
            return "<p class=\"notice error\" role=\"alert\">" + HtmlUtils.htmlEscape(e.getMessage()) + "</p>";
        }
    }

    private org.broadsheet.article.ArticleService.Links editorLinks(long id) {
        return editor.links(id);
    }
}
