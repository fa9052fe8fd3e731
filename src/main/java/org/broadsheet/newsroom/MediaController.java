package org.broadsheet.newsroom;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffPolicy;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaItem;
import org.broadsheet.media.MediaRejected;
import org.broadsheet.media.MediaService;
import org.broadsheet.support.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The media library: upload (form or drag-and-drop), edit alt text, caption and credit, delete unused images. */
@Controller
class MediaController {

    private final MediaService media;
    private final ArticleService articles;
    private final StaffPolicy policy;
    private final ResourceUrlProvider resources;

    MediaController(MediaService media, ArticleService articles, StaffPolicy policy, ResourceUrlProvider resources) {
        this.media = media;
        this.articles = articles;
        this.policy = policy;
        this.resources = resources;
    }

    @GetMapping("/newsroom/media/")
    String library(@AuthenticationPrincipal StaffUser user, @RequestParam(required = false) String notice, Model model) {
        policy.require(user, StaffAction.UPLOAD_MEDIA);
        model.addAttribute("page", page(user, notice == null ? "" : notice, "", List.of()));
        return "newsroom/media";
    }

    @PostMapping("/newsroom/media/")
    Object upload(@AuthenticationPrincipal StaffUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String alt, @RequestParam(defaultValue = "") String caption,
                  @RequestParam(defaultValue = "") String credit, HttpServletRequest request,
                  HttpServletResponse response, Model model) throws IOException {
        policy.require(user, StaffAction.UPLOAD_MEDIA);
        boolean script = "fetch".equals(request.getHeader("X-Requested-By"));
        try {
            if (file == null || file.isEmpty()) {
                throw new MediaRejected("Choose an image file to upload.");
            }
            checkLengths(alt, caption, credit);
            Image image = media.upload(file.getBytes(), file.getOriginalFilename(), new MediaService.ImageText(alt, caption, credit));
            if (script) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", image.id());
                body.put("url", image.url());
                return ResponseEntity.ok(body);
            }
            return "redirect:/newsroom/media/?notice=" + java.net.URLEncoder.encode("Uploaded.", java.nio.charset.StandardCharsets.UTF_8);
        } catch (MediaRejected e) {
            if (script) {
                return ResponseEntity.unprocessableContent().body(Map.of("error", e.getMessage()));
            }
            response.setStatus(422);
            model.addAttribute("page", page(user, "", e.getMessage(), List.of()));
            return "newsroom/media";
        }
    }

    @PostMapping("/newsroom/media/{id}")
    String edit(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @RequestParam(defaultValue = "") String alt,
                @RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit,
                RedirectAttributes redirect, HttpServletResponse response, Model model) {
        policy.require(user, StaffAction.EDIT_MEDIA);
        try {
            checkLengths(alt, caption, credit);
        } catch (MediaRejected e) {
            response.setStatus(422);
            model.addAttribute("page", page(user, "", e.getMessage(), List.of()));
            return "newsroom/media";
        }
        media.updateText(id, new MediaService.ImageText(alt, caption, credit));
        redirect.addAttribute("notice", "Saved.");
        return "redirect:/newsroom/media/#media-" + id;
    }

    /** The library would cut longer texts short; said instead, so that nothing typed is lost unseen. */
    private static void checkLengths(String alt, String caption, String credit) {
        if (alt.strip().length() > 500 || caption.strip().length() > 1000 || credit.strip().length() > 300) {
            throw new MediaRejected("The alt text (500 characters at most), caption (1000) or credit (300) is too long; shorten it.");
        }
    }

    @PostMapping("/newsroom/media/{id}/delete")
    String delete(@AuthenticationPrincipal StaffUser user, @PathVariable long id, Model model, HttpServletResponse response) {
        policy.require(user, StaffAction.DELETE_MEDIA);
        MediaItem item = media.item(id).orElseThrow(() -> new NotFoundException("There is no such image."));
        List<String> usedBy = articles.usingMedia(id, MediaService.addressFragment(item)).stream().map(Article::title).toList();
        if (!usedBy.isEmpty()) {
            response.setStatus(409);
            model.addAttribute("page", page(user, "", "\u201c" + item.fileName() + "\u201d is used by the articles below, so it was not deleted. "
                    + "Remove it from them first.", usedBy));
            return "newsroom/media";
        }
        try {
            media.delete(id);
        } catch (MediaRejected e) {
            response.setStatus(409);
            model.addAttribute("page", page(user, "", e.getMessage(), List.of()));
            return "newsroom/media";
        }
        return "redirect:/newsroom/media/?notice=Deleted.";
    }

    private MediaPage page(StaffUser user, String notice, String error, List<String> usedBy) {
        String script = resources.getForLookupPath("/assets/media.js");
        return new MediaPage(media.library(0, 500), media.count(), notice, error, usedBy,
                policy.allows(user, StaffAction.EDIT_MEDIA), policy.allows(user, StaffAction.DELETE_MEDIA),
                MediaLimits.MAX_MEGABYTES, script == null ? "/assets/media.js" : script);
    }
}
