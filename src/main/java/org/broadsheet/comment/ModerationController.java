package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.support.BadRequestException;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.PageOf;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The moderation queue at {@code /newsroom/comments/} (editors and administrators; see SecurityConfig). The
 * newsroom's header, with the count of pending comments, comes from {@code NewsroomChromeBuilder}.
 */
@Controller
class ModerationController {

    private final CommentQueue queue;

    ModerationController(CommentQueue queue) {
        this.queue = queue;
    }

    @GetMapping("/newsroom/comments/")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
                @RequestParam(required = false) String done, Model model) {
        CommentStatus current = status(status);
        var counts = queue.counts();
        List<ModerationPage.Tab> tabs = new ArrayList<>();
        for (CommentStatus s : CommentStatus.values()) {
            String label = s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT);
            tabs.add(new ModerationPage.Tab(label, "/newsroom/comments/?status=" + s.name(), counts.get(s), s == current));
        }
        PageOf<QueueItem> comments = queue.list(current, PageOf.parseNumber(page));
        // Page 1 of an empty tab says "No comments here"; a page after the last is not there at all.
        if (comments.number() > comments.totalPages()) {
            throw new NotFoundException("The " + tabs.get(current.ordinal()).label() + " tab has " + comments.totalPages()
                    + (comments.totalPages() == 1 ? " page" : " pages") + "; there is no page " + comments.number() + ".");
        }
        model.addAttribute("page", new ModerationPage(current, tabs, comments, done));
        return "comment/queue";
    }

    @GetMapping("/newsroom/comments")
    String withoutSlash() {
        return "redirect:/newsroom/comments/";
    }

    @PostMapping("/newsroom/comments/bulk")
    String bulk(@RequestParam(required = false) List<Long> ids, @RequestParam String action,
                @RequestParam(required = false) String status) {
        ModerationAction parsed = ModerationAction.parse(action);
        CommentStatus back = status(status);
        if (ids == null || ids.isEmpty()) {
            return back(back, "Select at least one comment first.");
        }
        int changed = queue.moderate(ids, parsed);
        return back(back, changed + (changed == 1 ? " comment: " : " comments: ") + ModerationPage.label(parsed).toLowerCase(Locale.ROOT) + ".");
    }

    @GetMapping("/newsroom/comments/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("comment", queue.get(id));
        model.addAttribute("problem", "");
        return "comment/edit";
    }

    @PostMapping("/newsroom/comments/{id:\\d+}/edit")
    String save(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String url,
                @RequestParam(required = false) String text, Model model, HttpServletResponse response) {
        QueueItem item = queue.get(id);
        try {
            queue.edit(id, name, url, text);
        } catch (BadRequestException e) {
            response.setStatus(400);
            model.addAttribute("comment", new QueueItem(item.id(), item.status(), name, item.authorEmail(), url,
                    item.authorIp(), item.articleTitle(), item.articleUrl(), item.bodyHtml(), text, item.score(),
                    item.reasons(), item.postedAt(), item.parentId(), item.parentUrl()));
            model.addAttribute("problem", e.getMessage());
            return "comment/edit";
        }
        return back(item.status(), "Comment " + id + " saved.");
    }

    @PostMapping("/newsroom/comments/{id:\\d+}/reply")
    String reply(@PathVariable long id, @RequestParam(required = false) String text, Authentication auth, Model model,
                 HttpServletResponse response) {
        QueueItem item = queue.get(id);
        try {
            queue.reply(id, auth.getName(), text);
        } catch (BadRequestException e) {
            // The reply comes back in its form with what to change, rather than on an error page that loses it.
            response.setStatus(400);
            model.addAttribute("comment", item);
            model.addAttribute("text", text == null ? "" : text);
            model.addAttribute("problem", e.getMessage());
            return "comment/reply";
        }
        return back(item.status(), "Your reply to " + item.authorName() + " is published.");
    }

    private static String back(CommentStatus status, String notice) {
        return "redirect:/newsroom/comments/?status=" + status.name() + "&done=" + UriUtils.encodeQueryParam(notice, "UTF-8");
    }

    private static CommentStatus status(String raw) {
        if (raw == null || raw.isBlank()) {
            return CommentStatus.PENDING;
        }
        try {
            return CommentStatus.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("There is no comment tab called \"" + raw + "\".");
        }
    }
}
