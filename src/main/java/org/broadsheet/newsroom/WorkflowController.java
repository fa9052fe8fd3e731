package org.broadsheet.newsroom;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.BroadsheetProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Workflow steps, editorial notes and secret preview links of one article. */
@Controller
class WorkflowController {

    private final Workflow workflow;
    private final ArticleEditor editor;
    private final EditorialNotes notes;
    private final PreviewLinks previewLinks;
    private final BroadsheetProperties properties;

    WorkflowController(Workflow workflow, ArticleEditor editor, EditorialNotes notes, PreviewLinks previewLinks,
                       BroadsheetProperties properties) {
        this.workflow = workflow;
        this.editor = editor;
        this.notes = notes;
        this.previewLinks = previewLinks;
        this.properties = properties;
    }

    @PostMapping("/newsroom/articles/{id}/workflow")
    String step(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam(defaultValue = "") String step,
                @RequestParam(defaultValue = "-1") String version, @RequestParam(defaultValue = "") String publishAt,
                @RequestParam(defaultValue = "") String redirect, RedirectAttributes attributes) {
        int v;
        try {
            v = Integer.parseInt(version.trim());
        } catch (NumberFormatException e) {
            v = -1;
        }
        try {
            Article done = workflow.apply(user, id, step, v, publishAt, redirect, baseUrl());
            attributes.addAttribute("saved", "1");
            return "redirect:/newsroom/articles/" + done.id() + "/";
        } catch (BadRequestException e) {
            attributes.addAttribute("error", e.getMessage());
        } catch (ArticleService.VersionConflict e) {
            attributes.addAttribute("error", "Someone else changed the article meanwhile; look at the current version and try again.");
        }
        return "redirect:/newsroom/articles/" + id + "/";
    }

    @PostMapping("/newsroom/articles/{id}/notes")
    String note(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam(defaultValue = "") String body,
                RedirectAttributes attributes) {
        Article a = editor.load(id);
        editor.require(user, StaffAction.WRITE_EDITORIAL_NOTE, a);
        try {
            notes.add(id, user, body);
        } catch (BadRequestException e) {
            attributes.addAttribute("error", e.getMessage());
        }
        return "redirect:/newsroom/articles/" + id + "/#notes";
    }

    @PostMapping("/newsroom/articles/{id}/preview-link")
    String previewLink(@AuthenticationPrincipal StaffUser user, @PathVariable long id, RedirectAttributes attributes) {
        Article a = editor.load(id);
        editor.require(user, StaffAction.PREVIEW_ARTICLE, a);
        attributes.addFlashAttribute("previewLink", baseUrl() + "/preview/" + previewLinks.create(id) + "/");
        return "redirect:/newsroom/articles/" + id + "/";
    }

    private String baseUrl() {
        return properties.baseUrl().isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : properties.baseUrl();
    }
}
