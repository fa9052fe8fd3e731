package org.broadsheet.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.broadsheet.article.ArticleUrls;
import org.broadsheet.author.Author;
import org.broadsheet.author.AuthorService;
import org.broadsheet.site.Chrome;
import org.broadsheet.site.PageHead;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.PageOf;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /search?q=…}: results with highlighted passages, filters by author, section, tag, language and year
 * with counts, sort by relevance or date, and pages. Whatever is typed is searched for as text; values that
 * name nothing simply find nothing, and the page says so.
 */
@Controller
class SearchController {

    static final int PER_PAGE = 10;
    private static final List<String> FILTERS = List.of("author", "section", "tag", "lang", "year");

    private final SearchEngine engine;
    private final SiteSettings settings;
    private final AuthorService authors;
    private final TaxonomyService taxonomy;

    SearchController(SearchEngine engine, SiteSettings settings, AuthorService authors, TaxonomyService taxonomy) {
        this.engine = engine;
        this.settings = settings;
        this.authors = authors;
        this.taxonomy = taxonomy;
    }

    @GetMapping({"/search", "/search/"})
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String author,
                  @RequestParam(required = false) String section, @RequestParam(required = false) String tag,
                  @RequestParam(required = false) String lang, @RequestParam(required = false) String year,
                  @RequestParam(required = false) String sort, @RequestParam(required = false) String page,
                  Model model) {
        SiteSettings.Settings s = settings.current();
        List<String> notices = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        String text = q == null ? "" : q.strip();
        if (!text.isEmpty()) {
            params.put("q", text.length() > QueryText.MAX_CHARS ? text.substring(0, QueryText.MAX_CHARS) : text);
        }
        putIfPresent(params, "author", author);
        putIfPresent(params, "section", section == null ? null : section.replaceAll("^/+|/+$", ""));
        putIfPresent(params, "tag", tag);
        putIfPresent(params, "lang", lang);
        Integer yearValue = null;
        if (year != null && !year.isBlank()) {
            if (year.strip().matches("\\d{4}")) {
                yearValue = Integer.parseInt(year.strip());
                params.put("year", year.strip());
            } else {
                notices.add("“" + abbreviate(year) + "” is not a year, so results are not limited by year.");
            }
        }
        boolean byDate = "date".equals(sort);
        if (byDate) {
            params.put("sort", "date");
        }
        int number = PageOf.parseNumber(page);
        int lastReachable = LuceneSearchEngine.MAX_WINDOW / PER_PAGE;
        if (number > lastReachable) {
            notices.add("Search shows the first " + lastReachable + " pages of results; here is the last of them. Add words or filters to narrow the search.");
            number = lastReachable;
        }

        if (QueryText.parse(text).truncated()) {
            notices.add("That search was long, so only its first " + QueryText.MAX_PARTS + " words and phrases (up to "
                    + QueryText.MAX_CHARS + " characters) were used.");
        }
        SearchQuery query = new SearchQuery(text, params.get("author"), params.get("section"), params.get("tag"),
                params.get("lang"), yearValue, byDate, number, PER_PAGE);
        boolean searched = !QueryText.parse(text).isEmpty() || query.hasFilters();
        SearchResults results = searched ? engine.search(query) : SearchResults.empty();
        if (searched && !engine.ready()) {
            notices.add("The search index is being built; results may be incomplete for a few minutes.");
        }
        PageOf<SearchPage.Result> list = new PageOf<>(results.hits().stream().map(h -> result(h, s)).toList(),
                number, PER_PAGE, Math.min(results.total(), LuceneSearchEngine.MAX_WINDOW));
        if (searched && results.total() > 0 && number > list.totalPages()) {
            notices.add("There are only " + list.totalPages() + " page" + (list.totalPages() == 1 ? "" : "s")
                    + " of results for this search.");
        }

        Names names = names();
        List<SearchPage.ActiveFilter> active = new ArrayList<>();
        for (String filter : FILTERS) {
            if (params.containsKey(filter)) {
                active.add(new SearchPage.ActiveFilter(label(filter), names.of(filter, params.get(filter)),
                        url(params, filter, null)));
            }
        }
        List<SearchPage.FacetGroup> facets = new ArrayList<>();
        for (String filter : FILTERS) {
            List<SearchResults.FacetCount> counts = results.facets().get(filter.equals("lang") ? "language" : filter);
            if (counts == null || counts.isEmpty()) {
                continue;
            }
            List<SearchResults.FacetCount> ordered = new ArrayList<>(counts);
            if (filter.equals("year")) {
                ordered.sort((a, b) -> b.key().compareTo(a.key()));
            }
            facets.add(new SearchPage.FacetGroup(label(filter), ordered.stream()
                    .map(c -> new SearchPage.FacetValue(names.of(filter, c.key()), c.count(),
                            url(params, filter, c.key()), c.key().equals(params.get(filter))))
                    .toList()));
        }
        if (results.approximate()) {
            notices.add("No exact matches, so these results allow for spelling mistakes.");
        }

        String title = text.isEmpty() ? "Search" : "Search: " + abbreviate(text);
        PageHead head = PageHead.simple(title + " — " + s.title(), "Search the articles of " + s.title() + ".", "",
                s.language()).withNoindex();
        Map<String, String> withoutSort = new LinkedHashMap<>(params);
        withoutSort.remove("sort");
        Map<String, String> forPages = new LinkedHashMap<>(params);
        model.addAttribute("page", new SearchPage(head, text, searched, byDate, url(withoutSort, null, null),
                url(withoutSort, "sort", "date"), notices, results.approximate(), active, facets, list,
                n -> url(forPages, "page", n <= 1 ? null : Integer.toString(n))));
        return "search/page";
    }

    private SearchPage.Result result(SearchResults.Hit h, SiteSettings.Settings s) {
        return new SearchPage.Result(ArticleUrls.of(h.publishedAt(), h.slug(), s.timeZone()), h.language(), h.title(),
                h.standfirst(), h.snippetHtml(), h.publishedAt(),
                h.authors().stream().map(a -> new SearchPage.Link(a.name(), "/author/" + a.key() + "/")).toList(),
                h.sections().stream().map(x -> new SearchPage.Link(x.name(), "/section/" + x.key() + "/")).toList());
    }

    /** Display names for filter values, read once per page. */
    private record Names(Map<String, String> authors, Map<String, String> sections, Map<String, String> tags) {
        String of(String filter, String key) {
            String name = switch (filter) {
                case "author" -> authors.get(key);
                case "section" -> sections.get(key);
                case "tag" -> tags.get(key);
                case "lang" -> Chrome.languageName(key);
                default -> key;
            };
            return name == null ? key : name;
        }
    }

    private Names names() {
        return new Names(toMap(authors.all(), Author::slug, Author::name),
                toMap(taxonomy.sections(), Section::path, Section::fullName),
                toMap(taxonomy.tags(), Tag::slug, Tag::name));
    }

    private static <T> Map<String, String> toMap(List<T> items, Function<T, String> key, Function<T, String> name) {
        Map<String, String> out = new HashMap<>();
        items.forEach(i -> out.put(key.apply(i), name.apply(i)));
        return out;
    }

    private static String label(String filter) {
        return switch (filter) {
            case "author" -> "Author";
            case "section" -> "Section";
            case "tag" -> "Topic";
            case "lang" -> "Language";
            default -> "Year";
        };
    }

    /** The search address with one parameter set (or removed, for null); changing a filter restarts at page 1. */
    private static String url(Map<String, String> params, String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        if (name != null && !name.equals("page")) {
            p.remove("page");
        }
        if (name != null) {
            if (value == null) {
                p.remove(name);
            } else {
                p.put(name, value);
            }
        }
        StringBuilder out = new StringBuilder("/search");
        p.forEach((k, v) -> out.append(out.length() == 7 ? '?' : '&').append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static void putIfPresent(Map<String, String> params, String name, String value) {
        if (value != null && !value.isBlank()) {
            params.put(name, value.strip().length() > 200 ? value.strip().substring(0, 200) : value.strip());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
