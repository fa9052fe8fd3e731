package org.broadsheet.newsroom;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.broadsheet.account.StaffAction;
import org.broadsheet.account.StaffPolicy;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The newsroom's front page: every article, filtered by status, author, section and language, or by title. */
@Controller
class ArticleListController {

    private static final int PER_PAGE = 30;

    private final ArticleService articles;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;
    private final SiteSettings settings;
    private final StaffPolicy policy;

    ArticleListController(ArticleService articles, AuthorService authors, TaxonomyService taxonomy,
                          SiteSettings settings, StaffPolicy policy) {
        this.articles = articles;
        this.authors = authors;
        this.taxonomy = taxonomy;
        this.settings = settings;
        this.policy = policy;
    }

    @GetMapping("/newsroom/")
    String home() {
        return "redirect:/newsroom/articles/";
    }

    @GetMapping("/newsroom/articles/")
    String list(@AuthenticationPrincipal StaffUser user, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String author, @RequestParam(defaultValue = "") String section,
                @RequestParam(defaultValue = "") String language, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "1") String page, Model model) {
        ArticleStatus st = Arrays.stream(ArticleStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
        Long authorId = number(author);
        Long sectionId = number(section);
        int pageNumber = Math.max(1, number(page) == null ? 1 : (int) Math.min(100_000, number(page)));
        ArticleService.NewsroomFilter filter = new ArticleService.NewsroomFilter(st, authorId, sectionId, language, q);
        long total = articles.newsroomCount(filter);
        List<Article> rows = articles.newsroomList(filter, (long) (pageNumber - 1) * PER_PAGE, PER_PAGE);
        Map<Long, Author> byId = authors.byIds(rows.stream().flatMap(a -> articles.links(a.id()).authorIds().stream()).distinct().toList());
        var zone = settings.current().timeZone();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");
        List<ArticleListPage.Row> out = rows.stream().map(a -> new ArticleListPage.Row(a.id(), a.title(), a.status().name(),
                EditorPages.statusLabel(a.status()),
                articles.links(a.id()).authorIds().stream().map(byId::get).filter(java.util.Objects::nonNull)
                        .map(Author::name).collect(Collectors.joining(", ")),
                a.language(), a.updatedAt().atZoneSameInstant(zone).format(when), "/newsroom/articles/" + a.id() + "/")).toList();
        List<Option> statuses = new ArrayList<>();
        for (ArticleStatus s : ArticleStatus.values()) {
            statuses.add(new Option(s.name(), EditorPages.statusLabel(s)));
        }
        int pages = (int) Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/newsroom/articles/").queryParam("status", status)
                .queryParam("author", author).queryParam("section", section).queryParam("language", language).queryParam("q", q);
        model.addAttribute("page", new ArticleListPage(out, total, pageNumber, pages, status, author, section, language, q,
                statuses, authors.all().stream().map(a -> new Option(String.valueOf(a.id()), a.name())).toList(),
                taxonomy.sections().stream().map(s -> new Option(String.valueOf(s.id()), s.name(), s.trail().size() - 1)).toList(),
                List.of(new Option("en", "English"), new Option("ru", "Русский"), new Option("ja", "日本語")),
                policy.allows(user, StaffAction.WRITE_ARTICLE),
                pageNumber > 1 ? base.cloneBuilder().queryParam("page", pageNumber - 1).encode().build().toUriString() : "",
                pageNumber < pages ? base.cloneBuilder().queryParam("page", pageNumber + 1).encode().build().toUriString() : ""));
        return "newsroom/articles";
    }

    private static Long number(String s) {
        try {
            return s == null || s.isBlank() ? null : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
