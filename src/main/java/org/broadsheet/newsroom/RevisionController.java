package org.broadsheet.newsroom;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An article's revisions: the list, the diff between any two, and restoring one. */
@Controller
class RevisionController {

    private final ArticleEditor editor;
    private final Revisions revisions;
    private final SiteSettings settings;

    RevisionController(ArticleEditor editor, Revisions revisions, SiteSettings settings) {
        this.editor = editor;
        this.revisions = revisions;
        this.settings = settings;
    }

    @GetMapping("/newsroom/articles/{id}/revisions/")
    String list(@AuthenticationPrincipal StaffUser user, @PathVariable long id,
                @RequestParam(required = false) Long from, @RequestParam(required = false) Long to, Model model) {
        Article a = editor.load(id);
        editor.require(user, StaffAction.PREVIEW_ARTICLE, a);
        List<Revision> all = revisions.of(id);
        var zone = settings.current().timeZone();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss");
        List<RevisionsPage.Row> rows = all.stream().map(r -> new RevisionsPage.Row(r.id(), r.version(), r.savedByName(),
                r.savedAt().atZoneSameInstant(zone).format(when), r.autosave())).toList();
        List<LineDiff.Line> diff = List.of();
        long fromId = 0;
        long toId = 0;
        if (from != null && to != null) {
            Revision a1 = revisions.find(id, from).orElseThrow(() -> new NotFoundException("There is no such revision."));
            Revision b1 = revisions.find(id, to).orElseThrow(() -> new NotFoundException("There is no such revision."));
            diff = Revisions.diff(a1.title(), a1.standfirst(), a1.bodyMd(), b1.title(), b1.standfirst(), b1.bodyMd());
            fromId = from;
            toId = to;
        } else if (all.size() >= 2) {
            fromId = all.get(1).id();
            toId = all.get(0).id();
        }
        model.addAttribute("page", new RevisionsPage(id, a.title(), rows, fromId, toId, diff,
                editor.allows(user, StaffAction.EDIT_ARTICLE, a)));
        return "newsroom/revisions";
    }

    @PostMapping("/newsroom/articles/{id}/revisions/{revisionId}/restore")
    String restore(@AuthenticationPrincipal StaffUser user, @PathVariable long id, @PathVariable long revisionId) {
        editor.restore(user, id, revisionId);
        return "redirect:/newsroom/articles/" + id + "/?saved=1";
    }
}
