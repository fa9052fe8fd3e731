package org.broadsheet.migrate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.Rows;
import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Old addresses of an imported site ({@code /?p=123}, a post's permalink, an upload's address): where each now
 * lives. A row names an article, a path of this site, or both (an attachment's page: its article, else its
 * file). An article's address is worked out when asked, so that a later change of slug or date is followed; an
 * article that is not published (any more) has no public address and, without a path to fall back on, the old
 * address answers 404. Only paths of this site are ever answered, whatever a row holds.
 */
@Service
class Redirects {

    private static final String CATEGORY = "/category/";

    private final JdbcClient jdbc;
    private final ArticleService articles;
    private final SiteSettings settings;
    private final TaxonomyService taxonomy;
    private final Clock clock;

    Redirects(JdbcClient jdbc, ArticleService articles, SiteSettings settings, TaxonomyService taxonomy, Clock clock) {
        this.jdbc = jdbc;
        this.articles = articles;
        this.settings = settings;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    record Row(Long articleId, String target) {
    }

    /** The current address for an old path with its query ("/?p=12", "/about/"), if there is one. */
    Optional<String> target(String oldPath) {
        if (oldPath == null || oldPath.length() > 1000) {
            return Optional.empty();
        }
        Optional<Row> row = jdbc.sql("SELECT article_id, target FROM redirect WHERE old_path = :p").param("p", oldPath)
                .query(Rows.of(Row.class)).optional();
        if (row.isEmpty() && oldPath.length() > 1 && !oldPath.contains("?")) {
            // WordPress answers with and without the closing slash.
            String other = oldPath.endsWith("/") ? oldPath.substring(0, oldPath.length() - 1) : oldPath + "/";
            row = jdbc.sql("SELECT article_id, target FROM redirect WHERE old_path = :p").param("p", other)
                    .query(Rows.of(Row.class)).optional();
        }
        return row.flatMap(this::resolve).or(() -> original(oldPath)).or(() -> category(oldPath))
                .filter(url -> !url.equals(oldPath));
    }

    /**
     * WordPress's resized copies of an uploaded image ({@code photo-300x200.jpg}) and the original it keeps beside
     * a scaled one: the image their upload's address leads to. Asked only after a miss, so a copy that was itself
     * imported keeps its own row.
     */
    private Optional<String> original(String oldPath) {
        if (oldPath.contains("?")) {
            return Optional.empty();
        }
        for (String original : UploadAddresses.originals(oldPath)) {
            Optional<String> file = jdbc.sql("SELECT target FROM redirect WHERE old_path = :p AND article_id IS NULL")
                    .param("p", original).query(String.class).optional().flatMap(Redirects::ownPath);
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /**
     * WordPress's category archives, {@code /category/opinion/analysis/}: an imported category is a section with
     * the same path, at {@code /section/opinion/analysis/}. (Tag, author and date archives have WordPress's
     * addresses already.)
     */
    private Optional<String> category(String oldPath) {
        if (!oldPath.startsWith(CATEGORY) || oldPath.contains("?")) {
            return Optional.empty();
        }
        String path = oldPath.substring(CATEGORY.length()).replaceAll("/+$", "");
        return path.isEmpty() ? Optional.empty() : taxonomy.sectionByPath(path).map(s -> "/section/" + s.path() + "/");
    }

    private Optional<String> resolve(Row row) {
        if (row.articleId() == null) {
            return ownPath(row.target());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return articles.find(row.articleId())
                .filter(a -> a.isPublicAt(now))
                .map(this::url)
                .or(() -> ownPath(row.target()));
    }

    /** A path of this site; never another site's address ("//elsewhere", "https://…", "/\elsewhere"). */
    private static Optional<String> ownPath(String target) {
        return Optional.ofNullable(target).filter(t -> t.startsWith("/") && !t.startsWith("//") && !t.startsWith("/\\"));
    }

    private String url(Article a) {
        return ArticleUrls.of(a.publishedAt(), a.slug(), settings.current().timeZone());
    }
}
