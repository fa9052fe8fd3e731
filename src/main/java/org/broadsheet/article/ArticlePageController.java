package org.broadsheet.article;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.site.FrequentAddress;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.GoneException;
import org.broadsheet.support.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;

/** The article page at {@code /{yyyy}/{mm}/{dd}/{slug}/}. */
@Controller
class ArticlePageController {

    private final ArticlePages pages;
    private final SiteSettings settings;
    private final ObjectProvider<OldPermalinks> oldPermalinks;

    ArticlePageController(ArticlePages pages, SiteSettings settings, ObjectProvider<OldPermalinks> oldPermalinks) {
        this.pages = pages;
        this.settings = settings;
        this.oldPermalinks = oldPermalinks;
    }

    @FrequentAddress
    @GetMapping("/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}/")
    Object show(@PathVariable String year, @PathVariable String month, @PathVariable String day,
                @PathVariable String slug, Model model, HttpServletRequest request) {
        // Parsed here rather than by Spring's type conversion (a data binder per variable): the pattern has
        // already made them digits.
        int y = Integer.parseInt(year);
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        LocalDate date;
        try {
            date = LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            throw new NotFoundException("There is no such date as " + y + "-" + m + "-" + d + ".");
        }
        ArticlePages.Lookup lookup = pages.find(date, slug, settings.current());
        if (lookup instanceof ArticlePages.Lookup.Found found) {
            model.addAttribute("page", found.page());
            return "article/page";
        }
        if (lookup instanceof ArticlePages.Lookup.MovedTo moved) {
            return permanentRedirect(moved.url());
        }
        if (lookup instanceof ArticlePages.Lookup.Gone) {
            throw new GoneException("This article has been withdrawn by the editors.");
        }
        // An imported site's old permalink has this form too, with a slug the import had to change.
        Optional<String> moved = oldPermalink(request);
        if (moved.isPresent()) {
            return permanentRedirect(moved.get());
        }
        throw new NotFoundException("No article was published at this address.");
    }

    private Optional<String> oldPermalink(HttpServletRequest request) {
        OldPermalinks old = oldPermalinks.getIfAvailable();
        return old == null ? Optional.empty()
                : old.currentAddress(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** Addresses typed without the closing slash still work. */
    @GetMapping("/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug:[a-z0-9-]+}")
    RedirectView withoutSlash(@PathVariable String year, @PathVariable String month, @PathVariable String day,
                              @PathVariable String slug) {
        return permanentRedirect("/" + year + "/" + month + "/" + day + "/" + slug + "/");
    }

    static RedirectView permanentRedirect(String url) {
        RedirectView view = new RedirectView(url);
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return view;
    }
}
