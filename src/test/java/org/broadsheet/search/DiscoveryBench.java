package org.broadsheet.search;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Discovery benchmark (not a test: surefire's default includes skip it, so {@code ./mvnw verify} never runs
 * it). Generates N published articles in English, Russian and Japanese from the corpora's word statistics
 * into an H2 file database, rebuilds the search index, then measures query latency and the time to produce
 * the site feed and sitemaps. Run with {@code bench/discovery.sh} (see bench/discovery.md).
 */
@SpringBootTest(properties = {
        "broadsheet.demo-content=false",
        "broadsheet.data-dir=target/bench-discovery",
        "spring.datasource.url=jdbc:h2:file:./target/bench-discovery/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
        "logging.level.org.broadsheet=WARN"})
@AutoConfigureMockMvc
class DiscoveryBench {

    private static final Path CORPUS = Path.of("../shared/data/corpus");
    private static final int ARTICLES = Integer.getInteger("bench.articles", 100_000);
    private static final int QUERIES = Integer.getInteger("bench.queries", 1_000);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ArticleIndexer indexer;
    @Autowired
    LuceneSearchEngine engine;
    @Autowired
    MockMvc mvc;

    private final StringBuilder report = new StringBuilder();

    @Test
    void run() throws Exception {
        if (!Files.isDirectory(CORPUS)) {
            Assumptions.abort("The corpora are not at " + CORPUS.toAbsolutePath() + "; nothing to generate articles from");
        }
        SearchIndexReady.await(engine);
        SyntheticText en = SyntheticText.english(CORPUS, 1);
        SyntheticText ru = SyntheticText.russian(CORPUS, Path.of("src/main/resources/demo/articles"), 2);
        SyntheticText ja = SyntheticText.japanese(CORPUS, 3);
        line("# Discovery benchmark: %,d articles", ARTICLES);
        line("");
        line("Machine: %d cores, Java %s, heap max %d MB", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        line("");

        long t0 = System.nanoTime();
        long textBytes = generate(en, ru, ja);
        line("- generate and insert: %.1f s (%,d MB of body text)", seconds(t0), textBytes >> 20);

        long t1 = System.nanoTime();
        long indexed = indexer.rebuild();
        double buildSeconds = seconds(t1);
        line("- index build (`reindex`, from the database): %,d articles in %.1f s (%.0f articles/s)", indexed, buildSeconds,
                indexed / buildSeconds);
        line("- index size on disk: %,d MB", directorySize(engine.path()) >> 20);
        line("");

        line("## Query latency (search engine call: query, facets, highlighting; %,d queries per row after warm-up)", QUERIES);
        line("");
        line("| query | p50 ms | p95 ms | p99 ms | mean hits |");
        line("|---|---:|---:|---:|---:|");
        SyntheticText[] languages = {en, ru, ja};
        Random random = new Random(7);
        measure("warm-up", () -> words(languages[random.nextInt(3)], 1 + random.nextInt(3)), false);
        measure("one word", () -> words(languages[random.nextInt(3)], 1), true);
        measure("two words", () -> words(languages[random.nextInt(3)], 2), true);
        measure("three words", () -> words(languages[random.nextInt(3)], 3), true);
        measure("\"phrase\"", () -> "\"" + languages[random.nextInt(3)].phrase() + "\"", true);
        measure("two words, by date", () -> words(languages[random.nextInt(3)], 2) + "\u0000date", true);
        line("");

        line("## Feeds and sitemaps (MockMvc, whole response; median of 5 after 2 warm-ups)");
        line("");
        line("| address | median ms | bytes |");
        line("|---|---:|---:|");
        for (String url : List.of("/feed/", "/feed/atom/", "/section/opinion/feed/", "/sitemap.xml",
                "/sitemaps/articles-1.xml", "/sitemaps/articles-2.xml", "/sitemaps/sections-1.xml", "/sitemaps/tags-1.xml",
                "/sitemaps/authors-1.xml", "/sitemaps/news.xml", "/search?q=energy+policy")) {
            http(url);
        }
        Files.writeString(Path.of("target/bench-discovery.md"), report.toString(), StandardCharsets.UTF_8);
    }

    private static String words(SyntheticText text, int n) {
        return String.join(" ", text.queryWords(n));
    }

    private void measure(String label, Supplier<String> queries, boolean print) {
        int n = print ? QUERIES : 300;
        double[] ms = new double[n];
        long hits = 0;
        for (int i = 0; i < n; i++) {
            String q = queries.get();
            boolean byDate = q.endsWith("\u0000date");
            q = q.replace("\u0000date", "");
            long t = System.nanoTime();
            SearchResults r = engine.search(new SearchQuery(q, null, null, null, null, null, byDate, 1, 10));
            ms[i] = (System.nanoTime() - t) / 1e6;
            hits += r.total();
        }
        if (print) {
            Arrays.sort(ms);
            line("| %s | %.2f | %.2f | %.2f | %,d |", label, ms[n / 2], ms[(int) (n * 0.95)], ms[(int) (n * 0.99)], hits / n);
        }
    }

    private void http(String url) throws Exception {
        double[] ms = new double[5];
        int bytes = 0;
        for (int i = -2; i < ms.length; i++) {
            long t = System.nanoTime();
            var response = mvc.perform(get(url)).andReturn().getResponse();
            double elapsed = (System.nanoTime() - t) / 1e6;
            if (response.getStatus() != 200) {
                line("| `%s` | (answered %d) | |", url, response.getStatus());
                return;
            }
            bytes = response.getContentAsByteArray().length;
            if (i >= 0) {
                ms[i] = elapsed;
            }
        }
        Arrays.sort(ms);
        line("| `%s` | %.1f | %,d |", url, ms[2], bytes);
    }

    /** Authors, a section tree, tags and N articles, inserted with JDBC batches; returns bytes of body text. */
    private long generate(SyntheticText en, SyntheticText ru, SyntheticText ja) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 1; i <= 60; i++) {
            jdbc.update("INSERT INTO author (id, slug, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    i, "author-" + i, "Author " + i, now, now);
        }
        String[] top = {"europe", "russia", "asia", "middle-east", "economy", "security", "opinion"};
        long sectionId = 1;
        List<Long> sections = new ArrayList<>();
        for (int i = 0; i < top.length; i++) {
            long parent = sectionId++;
            jdbc.update("INSERT INTO section (id, parent_id, slug, path, name, position) VALUES (?, NULL, ?, ?, ?, ?)",
                    parent, top[i], top[i], top[i], i);
            sections.add(parent);
            for (String child : List.of("news", "analysis")) {
                long id = sectionId++;
                jdbc.update("INSERT INTO section (id, parent_id, slug, path, name, position) VALUES (?, ?, ?, ?, ?, 0)",
                        id, parent, child, top[i] + "/" + child, child);
                sections.add(id);
            }
        }
        for (int i = 1; i <= 200; i++) {
            jdbc.update("INSERT INTO tag (id, slug, name) VALUES (?, ?, ?)", i, "tag-" + i, "Tag " + i);
        }
        jdbc.execute("ALTER TABLE article ALTER COLUMN id RESTART WITH " + (ARTICLES + 1));
        Random random = new Random(11);
        long bytes = 0;
        List<Object[]> articles = new ArrayList<>();
        List<Object[]> authors = new ArrayList<>();
        List<Object[]> sectionLinks = new ArrayList<>();
        List<Object[]> tags = new ArrayList<>();
        for (int id = 1; id <= ARTICLES; id++) {
            int pick = id % 10;
            String language = pick < 5 ? "en" : pick < 8 ? "ru" : "ja";
            SyntheticText text = language.equals("en") ? en : language.equals("ru") ? ru : ja;
            int words = language.equals("ja") ? 500 + random.nextInt(900) : 500 + random.nextInt(1000);
            List<String> paragraphs = text.paragraphs(words);
            String md = String.join("\n\n", paragraphs);
            StringBuilder html = new StringBuilder();
            paragraphs.forEach(p -> html.append("<p>").append(p.replace("&", "&amp;").replace("<", "&lt;")).append("</p>\n"));
            bytes += md.length();
            // The last two days hold a few hundred articles, for the news sitemap; the rest spread over five years.
            OffsetDateTime published = id > ARTICLES - 300
                    ? now.minusMinutes(random.nextInt(2 * 24 * 60))
                    : now.minusMinutes(2 * 24 * 60 + random.nextInt(5 * 365 * 24 * 60));
            articles.add(new Object[] {id, "article-" + id, language, text.title(), text.sentence(20), md, html.toString(),
                    published, published, published});
            authors.add(new Object[] {id, 1 + random.nextInt(60), 0});
            long s1 = sections.get(random.nextInt(sections.size()));
            sectionLinks.add(new Object[] {id, s1, 0});
            long s2 = sections.get(random.nextInt(sections.size()));
            if (s2 != s1) {
                sectionLinks.add(new Object[] {id, s2, 1});
            }
            int t1 = 1 + random.nextInt(200);
            int t2 = 1 + random.nextInt(200);
            tags.add(new Object[] {id, t1});
            if (t2 != t1) {
                tags.add(new Object[] {id, t2});
            }
            if (articles.size() == 1000 || id == ARTICLES) {
                jdbc.batchUpdate("INSERT INTO article (id, slug, language, title, standfirst, body_md, body_html, status, " +
                        "published_at, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?)", articles);
                jdbc.batchUpdate("INSERT INTO article_author (article_id, author_id, position) VALUES (?, ?, ?)", authors);
                jdbc.batchUpdate("INSERT INTO article_section (article_id, section_id, position) VALUES (?, ?, ?)", sectionLinks);
                jdbc.batchUpdate("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)", tags);
                articles.clear();
                authors.clear();
                sectionLinks.clear();
                tags.clear();
            }
        }
        return bytes;
    }

    private static long directorySize(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }
}
