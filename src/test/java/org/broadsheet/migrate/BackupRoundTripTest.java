package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.broadsheet.article.ArticleUrls;
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
