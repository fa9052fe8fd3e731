package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.support.BadRequestException;
import org.broadsheet.testing.Instances;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Exports the demo journal (plus an imported WordPress site, when the real exports are at hand), restores
 * the archive into a second, empty instance, and checks that every article page there shows the same
 * title, body, lead image, tags and discussion.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BackupRoundTripTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    SiteExporter exporter;
    @Autowired
    SiteRestorer restorer;
    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    @Test
    void restoredSiteServesIdenticalArticlePages() throws Exception {
        Path wxr = WxrImportRealDataTest.DATA.resolve("theme-test-data/theme-preview.xml");
        if (Files.exists(wxr)) {
            importer.run(wxr, null, importer.newReport(wxr));
        }
        jdbc.sql("UPDATE app_user SET password_hash = '{noop}secret' WHERE id = (SELECT MIN(id) FROM app_user)").update();
        List<String> urls = jdbc.sql("SELECT published_at, slug FROM article WHERE status = 'PUBLISHED'")
                .query((rs, n) -> ArticleUrls.of(rs.getObject(1, java.time.OffsetDateTime.class), rs.getString(2),
                        java.time.ZoneId.of("UTC"))).list();
        assertThat(urls).hasSizeGreaterThan(10);
        Map<String, String> before = new LinkedHashMap<>();
        for (String url : urls) {
            before.put(url, essentials(mvc, url));
        }
        long comments = jdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single();
        assertThat(comments).isPositive();

        Path archive = tmp.resolve("site.zip");
        exporter.export(archive, false);

        try (ConfigurableApplicationContext restored = emptyInstance()) {
            SiteRestorer other = restored.getBean(SiteRestorer.class);
            other.restore(archive);
            MockMvc otherMvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) restored)
                    .apply(SecurityMockMvcConfigurers.springSecurity()).build();
            for (Map.Entry<String, String> page : before.entrySet()) {
                assertThat(essentials(otherMvc, page.getKey())).as(page.getKey()).isEqualTo(page.getValue());
            }
            String image = Jsoup.parse(before.values().stream().filter(h -> h.contains("lead-image")).findFirst().orElseThrow())
                    .selectFirst("figure.lead-image img").attr("src");
            assertThat(otherMvc.perform(get(image)).andReturn().getResponse().getStatus()).as(image).isEqualTo(200);
            JdbcClient otherJdbc = restored.getBean(JdbcClient.class);
            assertThat(otherJdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single()).isEqualTo(comments);
            // Without --with-secrets no password hash leaves the site.
            assertThat(otherJdbc.sql("SELECT COUNT(*) FROM app_user WHERE password_hash IS NOT NULL").query(Long.class).single()).isZero();
            // New rows get fresh ids after the restored ones.
            long maxId = otherJdbc.sql("SELECT MAX(id) FROM tag").query(Long.class).single();
            otherJdbc.sql("INSERT INTO tag (slug, name) VALUES ('after-restore', 'After restore')").update();
            assertThat(otherJdbc.sql("SELECT id FROM tag WHERE slug = 'after-restore'").query(Long.class).single()).isGreaterThan(maxId);

            assertThatThrownBy(() -> other.restore(archive)).isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("not empty");
        }
    }

    @Test
    void secretsTravelOnlyWhenAskedFor() throws Exception {
        jdbc.sql("INSERT INTO app_user (email, display_name, password_hash, role, enabled, created_at) VALUES "
                + "('secret-keeper@example.org', 'Keeper', '{noop}x', 'EDITOR', TRUE, CURRENT_TIMESTAMP)").update();
        Path archive = tmp.resolve("with-secrets.zip");
        exporter.export(archive, true);
        try (ConfigurableApplicationContext restored = emptyInstance()) {
            restored.getBean(SiteRestorer.class).restore(archive);
            assertThat(restored.getBean(JdbcClient.class)
                    .sql("SELECT password_hash FROM app_user WHERE email = 'secret-keeper@example.org'")
                    .query(String.class).single()).isEqualTo("{noop}x");
        }
    }

    /**
     * The identity counters used to be moved past the restored ids after the restore's transaction had committed:
     * when that failed, the site was restored but its next article or comment took a restored row's id (a
     * duplicate key), and a second try was refused as "not empty". Now a counter that cannot be moved (here: a
     * comment with the largest id there is, after which none is left) rolls the whole restore back; the sound
     * archive then restores, and what editors and readers add next gets ids after the restored ones.
     */
    @Test
    void newArticlesAndCommentsAfterARestoreGetIdsAfterTheRestoredOnes() throws Exception {
        Path archive = tmp.resolve("site.zip");
        exporter.export(archive, false);
        Path lastComment = withLastCommentIdAt(archive, Long.MAX_VALUE, tmp.resolve("no-id-left.zip"));

        try (ConfigurableApplicationContext restored = emptyInstance()) {
            SiteRestorer other = restored.getBean(SiteRestorer.class);
            JdbcClient otherJdbc = restored.getBean(JdbcClient.class);
            assertThatThrownBy(() -> other.restore(lastComment)).isInstanceOf(BadRequestException.class)
                    .hasMessageContaining("no-id-left.zip: tables/comment.jsonl has a row with the id " + Long.MAX_VALUE)
                    .hasMessageEndingWith("nothing was restored.");
            assertThat(otherJdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single()).isZero();
            assertThat(otherJdbc.sql("SELECT COUNT(*) FROM comment").query(Long.class).single()).isZero();

            other.restore(archive);
            long maxArticle = otherJdbc.sql("SELECT MAX(id) FROM article").query(Long.class).single();
            long maxComment = otherJdbc.sql("SELECT MAX(id) FROM comment").query(Long.class).single();
            long article = restored.getBean(ArticleService.class).create(new ArticleService.NewArticle("after-the-restore",
                    "en", "After the restore", "", "Written on the restored site.", ArticleStatus.PUBLISHED,
                    OffsetDateTime.parse("2026-11-26T10:00:00Z"), null, null, null, null, null, null, null, null, null,
                    null, false, List.of(), List.of(), List.of()));
            assertThat(article).isGreaterThan(maxArticle);
            long comment = restored.getBean(CommentService.class).addTrusted(article, null, "Reader", "reader@example.org",
                    null, "The first comment after the restore.", CommentStatus.APPROVED, OffsetDateTime.parse("2026-11-26T11:00:00Z"));
            assertThat(comment).isGreaterThan(maxComment);
        }
    }

    /** A copy of the archive whose last comment has the id given. */
    private static Path withLastCommentIdAt(Path archive, long id, Path out) throws Exception {
        try (ZipFile in = new ZipFile(archive.toFile()); ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals("tables/comment.jsonl")) {
                    List<String> lines = new ArrayList<>(new String(bytes, StandardCharsets.UTF_8).lines().toList());
                    assertThat(lines).isNotEmpty();
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1).replaceFirst("^\\{\"id\":\\d+", "{\"id\":" + id));
                    bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }

    /** What a reader sees of an article, without what differs per request (the CSRF token). */
    static String essentials(MockMvc mvc, String url) throws Exception {
        String html = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        doc.select("input[name=_csrf]").remove();
        // The comment form token is signed with the instance's secret and the time the page was made.
        doc.select("form.comment-form input[name=token]").remove();
        StringBuilder out = new StringBuilder();
        for (String selector : List.of("h1#article-title", ".standfirst", ".article-body", "figure.lead-image",
                ".tag-list", "section.discussion", ".article-header .byline", ".translations")) {
            for (Element e : doc.select(selector)) {
                out.append(e.outerHtml()).append('\n');
            }
        }
        assertThat(doc.select("h1#article-title")).as(url).hasSize(1);
        return out.toString();
    }

    /** A second, empty instance to restore into; its database options as command-line arguments. */
    ConfigurableApplicationContext emptyInstance() {
        String id = UUID.randomUUID().toString();
        return startInstance("--spring.datasource.url=jdbc:h2:mem:restored-" + id
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
    }

    static ConfigurableApplicationContext startInstance(String... database) {
        return Instances.start(database);
    }
}
