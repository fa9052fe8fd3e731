package org.broadsheet.site;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.broadsheet.article.ArticleListings;
import org.broadsheet.article.ArticleSummary;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.support.NotFoundException;
import org.broadsheet.support.PageOf;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Section, tag, author and date-archive pages: each a paginated list of articles. */
@Controller
class ListingPagesController {

    private final ArticleListings listings;
    private final TaxonomyService taxonomy;
    private final AuthorService authors;
    private final SiteSettings settings;
    private final SiteUrls urls;

    ListingPagesController(ArticleListings listings, TaxonomyService taxonomy, AuthorService authors,
                           SiteSettings settings, SiteUrls urls) {
        this.listings = listings;
        this.taxonomy = taxonomy;
        this.authors = authors;
        this.settings = settings;
        this.urls = urls;
    }

    /** {@code /section/opinion/news/}: articles in the section and in every section below it. */
    @GetMapping("/section/{*path}")
    String section(@PathVariable String path, @RequestParam(required = false) String page, Model model) {
        String clean = path.replaceAll("^/+|/+$", "");
        Section section = taxonomy.sectionByPath(clean)
                .orElseThrow(() -> new NotFoundException("There is no section at this address."));
        if (!path.endsWith("/")) {
            return "redirect:" + section.url();
        }
        SiteSettings.Settings s = settings.current();
        PageOf<ArticleSummary> articles = listings.inSections(taxonomy.withDescendants(section.id()),
                PageOf.parseNumber(page), s.articlesPerPage(), s.timeZone());
        List<Section.Crumb> parents = section.trail().subList(0, section.trail().size() - 1);
        return show(model, s, "Section", section.name(), section.description(), parents, null,
                taxonomy.childrenOf(section.id()), articles, section.url());
    }

    @GetMapping("/tag/{slug}/")
    String tag(@PathVariable String slug, @RequestParam(required = false) String page, Model model) {
        Tag tag = taxonomy.tagBySlug(slug).orElseThrow(() -> new NotFoundException("There is no tag at this address."));
        SiteSettings.Settings s = settings.current();
        PageOf<ArticleSummary> articles = listings.tagged(tag.id(), PageOf.parseNumber(page), s.articlesPerPage(), s.timeZone());
        return show(model, s, "Tag", tag.name(), "", List.of(), null, List.of(), articles, tag.url());
    }

    @GetMapping("/author/{slug}/")
    String author(@PathVariable String slug, @RequestParam(required = false) String page, Model model) {
        Author author = authors.bySlug(slug).orElseThrow(() -> new NotFoundException("There is no author at this address."));
        SiteSettings.Settings s = settings.current();
        PageOf<ArticleSummary> articles = listings.byAuthor(author.id(), PageOf.parseNumber(page), s.articlesPerPage(), s.timeZone());
        String description = author.credentials().isBlank() ? author.affiliation() : author.credentials() + ", " + author.affiliation();
        return show(model, s, "Author", author.name(), description, List.of(), author, List.of(), articles, author.url());
    }

    @GetMapping("/{year:\\d{4}}/")
    String year(@PathVariable int year, @RequestParam(required = false) String page, Model model) {
        SiteSettings.Settings s = settings.current();
        LocalDate from = LocalDate.of(year, 1, 1);
        PageOf<ArticleSummary> articles = listings.between(from, from.plusYears(1), PageOf.parseNumber(page),
                s.articlesPerPage(), s.timeZone());
        requireArticles(articles, String.valueOf(year));
        return show(model, s, "Archive", String.valueOf(year), "Articles published in " + year + ".", List.of(), null,
                List.of(), articles, "/" + year + "/");
    }

    @GetMapping("/{year:\\d{4}}/{month:\\d{2}}/")
    String month(@PathVariable int year, @PathVariable int month, @RequestParam(required = false) String page, Model model) {
        YearMonth ym;
        try {
            ym = YearMonth.of(year, month);
        } catch (DateTimeException e) {
            throw new NotFoundException("There is no month " + month + " in the calendar.");
        }
        SiteSettings.Settings s = settings.current();
        PageOf<ArticleSummary> articles = listings.between(ym.atDay(1), ym.plusMonths(1).atDay(1),
                PageOf.parseNumber(page), s.articlesPerPage(), s.timeZone());
        String name = ym.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, Locale.forLanguageTag(s.language())) + " " + year;
        requireArticles(articles, name);
        return show(model, s, "Archive", name, "Articles published in " + name + ".",
                List.of(new Section.Crumb(String.valueOf(year), "/" + year + "/")), null, List.of(), articles,
                String.format("/%04d/%02d/", year, month));
    }

    /**
     * A date archive exists only where something was published: an empty year or month is a 404, not a page —
     * every year from 0000 to 9999 and its months would otherwise be pages that a crawler (or someone filling the
     * page cache) could ask for.
     */
    private static void requireArticles(PageOf<ArticleSummary> articles, String period) {
        if (articles.totalItems() == 0) {
            throw new NotFoundException("Nothing was published in " + period + ".");
        }
    }

    private String show(Model model, SiteSettings.Settings s, String kind, String heading, String description,
                        List<Section.Crumb> trail, Author author, List<Section> subsections,
                        PageOf<ArticleSummary> articles, String basePath) {
        if (articles.number() > articles.totalPages()) {
            throw new NotFoundException("This list has " + articles.totalPages() + " page" +
                    (articles.totalPages() == 1 ? "" : "s") + "; there is no page " + articles.number() + ".");
        }
        String title = (articles.number() > 1 ? heading + " (page " + articles.number() + ")" : heading) + " — " + s.title();
        PageHead head = PageHead.simple(title, description.isBlank() ? kind + ": " + heading : description,
                urls.absolute(articles.number() > 1 ? basePath + "?page=" + articles.number() : basePath), s.language());
        if (!kind.equals("Archive")) {
            head = head.withFeeds(HomeController.feeds(heading + " — " + s.title(), basePath, urls));
        }
        model.addAttribute("page", new ListingPage(head, kind, heading, description, trail, author, subsections, articles, basePath));
        return "site/listing";
    }
}
