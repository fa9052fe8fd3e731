package org.broadsheet.site;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.article.ArticleListings;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.comment.CommentPrivacy;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.PageOf;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The front page and the privacy notice. */
@Controller
class HomeController {

    private static final int PER_SECTION = 3;

    private final ArticleListings listings;
    private final TaxonomyService taxonomy;
    private final SiteSettings settings;
    private final SiteUrls urls;
    private final CommentPrivacy commentPrivacy;

    HomeController(ArticleListings listings, TaxonomyService taxonomy, SiteSettings settings, SiteUrls urls,
                   CommentPrivacy commentPrivacy) {
        this.commentPrivacy = commentPrivacy;
        this.listings = listings;
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.urls = urls;
    }

    @GetMapping("/")
    String home(@RequestParam(required = false) String page, Model model) {
        SiteSettings.Settings s = settings.current();
        int number = PageOf.parseNumber(page);
        PageOf<ArticleSummary> latest = listings.latest(number, s.articlesPerPage(), s.timeZone());
        if (number > latest.totalPages()) {
            throw new NotFoundException("The front page has " + latest.totalPages() + " pages; there is no page " + number + ".");
        }
        ArticleSummary featured = null;
        List<HomePage.SectionBlock> blocks = new ArrayList<>();
        if (number == 1) {
            featured = listings.featured(s.timeZone()).orElse(null);
            for (Section section : taxonomy.topLevelSections()) {
                List<ArticleSummary> items = listings.inSections(taxonomy.withDescendants(section.id()), 1, PER_SECTION,
                        s.timeZone()).items();
                if (!items.isEmpty()) {
                    blocks.add(new HomePage.SectionBlock(section, items));
                }
            }
        }
        PageHead head = PageHead.simple(number > 1 ? s.title() + " (page " + number + ")" : s.title() + " — " + s.tagline(),
                s.tagline(), urls.absolute(number > 1 ? "/?page=" + number : "/"), s.language())
                .withFeeds(feeds(s.title(), "/", urls));
        model.addAttribute("page", new HomePage(head, featured, latest, blocks));
        return "site/home";
    }

    /** Autodiscovery links to the RSS and Atom feeds of a list whose page is at {@code pagePath}. */
    static List<PageHead.Feed> feeds(String title, String pagePath, SiteUrls urls) {
        return List.of(new PageHead.Feed(title + " (RSS)", urls.absolute(pagePath + "feed/"), "application/rss+xml"),
                new PageHead.Feed(title + " (Atom)", urls.absolute(pagePath + "feed/atom/"), "application/atom+xml"));
    }

    @GetMapping("/privacy/")
    String privacy(Model model) {
        SiteSettings.Settings s = settings.current();
        model.addAttribute("head", PageHead.simple("Privacy — " + s.title(),
                "What " + s.title() + " stores about readers and commenters, why, and for how long.",
                urls.absolute("/privacy/"), s.language()));
        model.addAttribute("commenting", commentPrivacy.facts());
        model.addAttribute("contact", s.privacyContact());
        return "site/privacy";
    }

    @GetMapping("/privacy")
    String privacyWithoutSlash() {
        return "redirect:/privacy/";
    }
}
