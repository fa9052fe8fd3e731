package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Crafted exports: what an import keeps, how old addresses answer, and how broken files stop. */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class WxrImportBehaviourTest {

    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ImportStore store;

    @TempDir
    Path tmp;

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
    }

    ImportReport importText(String xml) {
        return importText(importer, xml);
    }

    ImportReport importBytes(byte[] xml, Path mediaDir) {
        return importBytes(importer, xml, mediaDir);
    }

    /** Imports an export given as text, as the import command would, without media; shared by the import tests. */
    static ImportReport importText(WxrImporter importer, String xml) {
        return importBytes(importer, xml.getBytes(StandardCharsets.UTF_8), null);
    }

    static ImportReport importBytes(WxrImporter importer, byte[] xml, Path mediaDir) {
        ImportReport report = new ImportReport(xml.length);
        importer.run(new ByteArrayInputStream(xml), mediaDir, report);
        return report;
    }

    @Test
    void postsKeepStatusDatesAuthorsSectionsTagsExcerptsAndStickiness() throws Exception {
        ImportReport report = importText(Wxr.site(
                Wxr.item(10, "Published one", "published-one", "publish", "post", "<p>Body</p>",
                        "<category domain=\"category\" nicename=\"child\"><![CDATA[Child]]></category>"
                                + "<category domain=\"post_tag\" nicename=\"energy\"><![CDATA[Energy]]></category>"
                                + "<excerpt:encoded><![CDATA[The <em>short</em> version.]]></excerpt:encoded>"
                                + "<wp:is_sticky>1</wp:is_sticky>"),
                Wxr.item(11, "A draft", "", "draft", "post", "Draft text", ""),
                Wxr.item(12, "Waiting", "waiting", "pending", "post", "Text", ""),
                Wxr.item(13, "Later", "later", "future", "post", "Text", ""),
                Wxr.item(14, "Private", "private-one", "private", "post", "Text", ""),
                Wxr.item(15, "About", "about", "publish", "page", "About us", "")));

        assertThat(report.state()).as(String.join("\n", report.summary())).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT status FROM article ORDER BY id").query(String.class).list())
                .containsExactly("PUBLISHED", "DRAFT", "IN_REVIEW", "SCHEDULED", "ARCHIVED", "PUBLISHED");
        assertThat(jdbc.sql("SELECT path FROM section ORDER BY path").query(String.class).list()).containsExactly("parent", "parent/child");
        assertThat(jdbc.sql("SELECT standfirst FROM article WHERE slug = 'published-one'").query(String.class).single())
                .isEqualTo("The short version.");
        assertThat(jdbc.sql("SELECT featured FROM article WHERE slug = 'published-one'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT slug FROM article WHERE title = 'A draft'").query(String.class).single()).isEqualTo("a-draft");

        Document page = Jsoup.parse(mvc.perform(get("/2024/03/05/published-one/")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1#article-title").text()).isEqualTo("Published one");
        assertThat(page.select(".byline a[href=/author/editor1/]").text()).isEqualTo("Editor One");
        assertThat(page.select(".tag-list a[href=/tag/energy/]")).hasSize(1);
    }

    @Test
    void otherNodesAndTheSearchIndexHearOfEachArticleOnceWithItsComments() {
        long before = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM change_log").query(Long.class).single();
        importText(Wxr.site(
                Wxr.item(30, "Logged", "logged", "publish", "post", "Text",
                        Wxr.comment(1, 0, "1", "Alice", "First") + Wxr.comment(2, 1, "1", "Bob", "A reply")),
                Wxr.item(31, "Also logged", "also-logged", "publish", "post", "Text", "")));

        List<Long> articles = jdbc.sql("SELECT id FROM article ORDER BY id").query(Long.class).list();
        assertThat(jdbc.sql("""
                SELECT entity || ':' || entity_id FROM change_log
                WHERE seq > :before AND entity IN ('article', 'comment') ORDER BY seq""")
                .param("before", before).query(String.class).list())
                .containsExactly("article:" + articles.get(0), "article:" + articles.get(1));
    }

    @Test
    void commentsKeepStatusThreadingAuthorAndDate() throws Exception {
        String comments = Wxr.comment(1, 0, "1", "Alice", "First <b>comment</b>.\n\nSecond paragraph.")
                + Wxr.comment(2, 1, "1", "Bob", "A reply")
                + Wxr.comment(3, 0, "0", "Carol", "Held")
                + Wxr.comment(4, 0, "spam", "Spammer", "Buy")
                + Wxr.comment(5, 0, "trash", "Gone", "Binned");
        importText(Wxr.site(Wxr.item(20, "Discussed", "discussed", "publish", "post", "Text", comments)));

        assertThat(jdbc.sql("SELECT status FROM comment ORDER BY id").query(String.class).list())
                .containsExactly("APPROVED", "APPROVED", "PENDING", "SPAM", "TRASH");
        Document page = Jsoup.parse(mvc.perform(get("/2024/03/05/discussed/")).andReturn().getResponse().getContentAsString());
        assertThat(page.select("section.discussion li.comment")).hasSize(2);
        assertThat(page.select("li.comment.depth-1 .comment-author").text()).isEqualTo("Bob");
        assertThat(page.select("li.comment.depth-0 > article .comment-body p")).hasSize(2);
        assertThat(page.select("li.comment.depth-0 > article time").attr("datetime")).startsWith("2024-03-06T10:00");
    }

    @Test
    void repliesKeepTheirParentsWhateverTheOrderAndIdsFollowTheExport() {
        // Within one item: a reply to a reply, a reply listed before its parent, and a loop of replies.
        String first = Wxr.comment(1, 0, "1", "Alice", "Top")
                + Wxr.comment(2, 1, "1", "Bob", "Reply")
                + Wxr.comment(3, 2, "1", "Carol", "Reply to the reply")
                + Wxr.comment(4, 5, "1", "Dan", "Before its parent")
                + Wxr.comment(5, 0, "1", "Erin", "Parent after its reply")
                + Wxr.comment(6, 7, "1", "Loop A", "A")
                + Wxr.comment(7, 6, "1", "Loop B", "B");
        List<String> items = new java.util.ArrayList<>();
        items.add(Wxr.item(1, "Discussed", "discussed", "publish", "post", "Text", first));
        for (int i = 2; i <= WxrImporter.BATCH + 1; i++) {
            items.add(Wxr.item(i, "Post " + i, "post-" + i, "publish", "post", "Text", ""));
        }
        // In a later batch, a reply to a comment of the first one.
        items.set(WxrImporter.BATCH, Wxr.item(WxrImporter.BATCH + 1, "Later", "later", "publish", "post", "Text",
                Wxr.comment(8, 3, "1", "Frank", "Much later")));
        ImportReport report = importText(Wxr.site(items.toArray(String[]::new)));

        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT author_name FROM comment ORDER BY id").query(String.class).list())
                .containsExactly("Alice", "Bob", "Carol", "Dan", "Erin", "Loop A", "Loop B", "Frank");
        assertThat(jdbc.sql("""
                SELECT c.author_name || '>' || COALESCE(p.author_name, '-') FROM comment c
                LEFT JOIN comment p ON p.id = c.parent_id ORDER BY c.id""").query(String.class).list())
                .containsExactly("Alice>-", "Bob>Alice", "Carol>Bob", "Dan>Erin", "Erin>-", "Loop A>Loop B", "Loop B>-",
                        "Frank>Carol");
        assertThat(report.warnings()).anyMatch(w -> w.contains("comment 7 answers comment 6, which is among its own replies"));

        // Running it again updates the same comments, their replies still in place.
        importText(Wxr.site(items.toArray(String[]::new)));
        assertThat(jdbc.sql("""
                SELECT c.author_name || '>' || COALESCE(p.author_name, '-') FROM comment c
                LEFT JOIN comment p ON p.id = c.parent_id ORDER BY c.id""").query(String.class).list())
                .hasSize(8).contains("Bob>Alice", "Carol>Bob", "Dan>Erin", "Frank>Carol");
    }

    @Test
    void h2WritesLessOftenOnlyWhileAnImportRuns() throws Exception {
        Integer before = store.h2WriteDelay();
        importText(Wxr.site(Wxr.item(90, "One", "one", "publish", "post", "Text", "")));
        assertThat(store.h2WriteDelay()).isEqualTo(before);
        // A file that breaks off puts it back too.
        ImportReport broken = importText(Wxr.site(Wxr.item(91, "Two", "two", "publish", "post", "Text", "")).substring(0, 900));
        assertThat(broken.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(store.h2WriteDelay()).isEqualTo(before);
        // A process killed mid-import leaves the import's delay in the database; the next start puts H2's back.
        store.setH2WriteDelay(H2WriteDelay.DURING_IMPORT);
        assertThat(store.h2WriteDelay()).isEqualTo(H2WriteDelay.DURING_IMPORT);
        H2WriteDelay.repairAfterKilledImport(store);
        assertThat(store.h2WriteDelay()).isEqualTo(500);
    }

    @Test
    void oldAddressesAnswerWithPermanentRedirects() throws Exception {
        importText(Wxr.site(Wxr.item(30, "Moved", "moved", "publish", "post", "Text", ""),
                Wxr.item(31, "Unpublished", "unpublished", "draft", "post", "Text", ""),
                Wxr.item(32, "Page", "a-page", "publish", "page", "Text", "")));

        mvc.perform(get("/").param("p", "30")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/2024/03/05/moved/"));
        mvc.perform(get("/archives/30")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/2024/03/05/moved/"));
        mvc.perform(get("/archives/30/")).andExpect(status().isMovedPermanently());
        mvc.perform(get("/").param("page_id", "32")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/2024/03/05/a-page/"));
        mvc.perform(get("/").param("p", "31")).andExpect(status().isNotFound());
        mvc.perform(get("/").param("p", "999")).andExpect(status().isNotFound());
        mvc.perform(get("/no/such/old/address/")).andExpect(status().isNotFound());
        mvc.perform(get("/")).andExpect(status().isOk());
    }

    @Test
    void languagesAndTranslationsComeFromPolylangWpmlOrTheText() {
        importText(Wxr.site(
                Wxr.item(40, "Sanctions", "sanctions", "publish", "post", "English text",
                        "<category domain=\"language\" nicename=\"en\"><![CDATA[English]]></category>"
                                + "<category domain=\"post_translations\" nicename=\"pll_abc\"><![CDATA[pll_abc]]></category>"),
                Wxr.item(41, "Санкции", "sanktsii", "publish", "post", "Русский текст",
                        "<category domain=\"language\" nicename=\"ru\"><![CDATA[Русский]]></category>"
                                + "<category domain=\"post_translations\" nicename=\"pll_abc\"><![CDATA[pll_abc]]></category>"),
                Wxr.item(42, "Energy", "energy-wpml", "publish", "post", "Text",
                        Wxr.meta("wpml_language", "ja") + Wxr.meta("_wpml_import_translation_group", "7")),
                Wxr.item(43, "制裁の歯車", "seisai", "publish", "post", "日本の長期戦略について考える。", ""),
                Wxr.item(44, "Без языка", "bez-yazyka", "publish", "post", "Текст без метки языка.", "")));

        assertThat(jdbc.sql("SELECT language FROM article ORDER BY id").query(String.class).list())
                .containsExactly("en", "ru", "ja", "ja", "ru");
        assertThat(jdbc.sql("SELECT translation_group FROM article WHERE slug IN ('sanctions', 'sanktsii')").query(String.class).list())
                .containsOnly("pll_abc");
        assertThat(jdbc.sql("SELECT translation_group FROM article WHERE slug = 'energy-wpml'").query(String.class).single()).isEqualTo("wpml-7");
    }

    @Test
    void footnotesArriveAsRealFootnotes() throws Exception {
        importText(Wxr.site(Wxr.item(50, "Noted", "noted", "publish", "post",
                "<!-- wp:paragraph --><p>Claim<sup data-fn=\"u1\" class=\"fn\"><a href=\"#u1\" id=\"u1-link\">1</a></sup></p><!-- /wp:paragraph --><!-- wp:footnotes /-->",
                Wxr.meta("footnotes", "[{\"id\":\"u1\",\"content\":\"The source.\"}]"))));
        Document page = Jsoup.parse(mvc.perform(get("/2024/03/05/noted/")).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".article-body sup.footnote-ref a")).hasSize(1);
        assertThat(page.select(".article-body section.footnotes li").text()).contains("The source.");
    }

    @Test
    void hostileHtmlIsDisarmedOnTheArticlePage() throws Exception {
        ImportReport report = importText(Wxr.site(Wxr.item(60, "<script>alert('t')</script>Title", "hostile", "publish", "post",
                "<p onclick=\"steal()\">Hi</p><script>alert(1)</script><img src=\"x\" onerror=\"alert(2)\">"
                        + "<a href=\"javascript:alert(3)\">link</a><iframe src=\"javascript:alert(4)\"></iframe>"
                        + "<style>body{display:none}</style><object data=\"evil.swf\"></object>",
                Wxr.comment(61, 0, "1", "<b>Mallory</b>", "<script>alert(5)</script><a href=\"javascript:x\">click</a>"))));
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        Document page = Jsoup.parse(mvc.perform(get("/2024/03/05/hostile/")).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".article-body script, .article-body style, .article-body iframe, .article-body object")).isEmpty();
        assertThat(page.select(".article-body [onclick], .article-body [onerror]")).isEmpty();
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(page.select("h1#article-title script")).isEmpty();
        assertThat(page.select("section.discussion script")).isEmpty();
        assertThat(page.select(".article-body").text()).contains("Hi").contains("link");
    }

    @Test
    void aPostNestedThousandsDeepIsImportedAndTheImportGoesOn() {
        String deep = "<blockquote>".repeat(4000) + "Deep down" + "</blockquote>".repeat(4000);
        ImportReport report = importText(Wxr.site(Wxr.item(65, "Abyss", "abyss", "publish", "post", deep, ""),
                Wxr.item(66, "After the abyss", "after-the-abyss", "publish", "post", "<p>Still here</p>", "")));
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT title FROM article ORDER BY id").query(String.class).list())
                .containsExactly("Abyss", "After the abyss");
        assertThat(jdbc.sql("SELECT body_md FROM article WHERE slug = 'abyss'").query(String.class).single())
                .contains("Deep down");
    }

    @Test
    void duplicateIdsKeepEveryItemAndWarn() {
        ImportReport report = importText(Wxr.site(Wxr.item(70, "First", "first", "publish", "post", "One", ""),
                Wxr.item(70, "Second", "second", "publish", "post", "Two", "")));
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT title FROM article ORDER BY id").query(String.class).list()).containsExactly("First", "Second");
        assertThat(report.warnings()).anyMatch(w -> w.contains("id 70 appears 2 times"));
        // Running it again updates both instead of adding two more.
        importText(Wxr.site(Wxr.item(70, "First", "first", "publish", "post", "One", ""),
                Wxr.item(70, "Second", "second", "publish", "post", "Two", "")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void truncatedFileStopsWithLineAndColumnAndKeepsWhatCameBefore() {
        String full = Wxr.site(Wxr.item(80, "Kept one", "kept-one", "publish", "post", "One", ""),
                Wxr.item(81, "Kept two", "kept-two", "publish", "post", "Two", ""),
                Wxr.item(82, "Cut", "cut", "publish", "post", "Three", ""));
        String truncated = full.substring(0, full.indexOf("Cut") + 2);
        ImportReport report = importText(truncated);
        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).containsPattern("line \\d+, column \\d+");
        assertThat(String.join("\n", report.summary())).contains("Imported so far").contains("posts");
        assertThat(jdbc.sql("SELECT title FROM article ORDER BY id").query(String.class).list()).containsExactly("Kept one", "Kept two");
    }

    @Test
    void wrongEncodingIsNamedAsSuch() {
        byte[] latin1 = Wxr.site(Wxr.item(90, "Café", "cafe", "publish", "post", "Crème brûlée", ""))
                .getBytes(StandardCharsets.ISO_8859_1);
        ImportReport report = importBytes(latin1, null);
        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).contains("encoding").containsPattern("line \\d+, column \\d+");

        byte[] declared = Wxr.site(Wxr.item(90, "Café", "cafe", "publish", "post", "Crème brûlée", ""))
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(importBytes(declared, null).state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT title FROM article").query(String.class).single()).isEqualTo("Café");
    }

    /**
     * WordPress writes only UTF-8; a declaration changed by hand or by a tool must not garble the text. The first
     * non-ASCII text comes after more than the reader's buffer of plain ASCII.
     */
    @Test
    void utf8TextDeclaredAsLatin1IsReadAsUtf8WithAWarning() {
        List<String> items = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(Wxr.item(1000 + i, "Filler " + i, "filler-" + i, "publish", "post", "Plain text. ".repeat(20), ""));
        }
        items.add(Wxr.item(41, "Санкции и рынки", "sanktsii", "publish", "post", "Русский текст.", ""));
        items.add(Wxr.item(43, "制裁と市場", "seisai", "publish", "post", "日本の長期戦略について考える。", ""));
        for (String declared : new String[] {"ISO-8859-1", "windows-1252"}) {
            Sites.wipe(jdbc);
            byte[] xml = Wxr.site(items.toArray(String[]::new)).replace("encoding=\"UTF-8\"", "encoding=\"" + declared + "\"")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(xml.length).isGreaterThan(1 << 17);
            ImportReport report = importBytes(xml, null);

            assertThat(report.state()).as(String.join("\n", report.summary())).isEqualTo(ImportReport.State.FINISHED);
            assertThat(jdbc.sql("SELECT title || ' ' || language FROM article WHERE slug IN ('sanktsii', 'seisai') ORDER BY slug")
                    .query(String.class).list()).containsExactly("Санкции и рынки ru", "制裁と市場 ja");
            assertThat(report.warnings()).contains("the file declares the encoding " + declared
                    + ", but its text is UTF-8 (WordPress writes nothing else): it was read as UTF-8");
        }

        // A file truly in windows-1252 is still read as it says, and nothing is said about it.
        Sites.wipe(jdbc);
        byte[] cp1252 = Wxr.site(Wxr.item(90, "Café à 5 €", "cafe", "publish", "post", "Crème brûlée – “quoted”", ""))
                .replace("encoding=\"UTF-8\"", "encoding=\"windows-1252\"").getBytes(java.nio.charset.Charset.forName("windows-1252"));
        ImportReport report = importBytes(cp1252, null);
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT title FROM article").query(String.class).single()).isEqualTo("Café à 5 €");
        assertThat(report.warnings()).noneMatch(w -> w.contains("encoding"));
    }

    @Test
    void fileWithoutChannelOrNotRssIsRefused() {
        ImportReport noChannel = importText("<?xml version=\"1.0\"?><rss version=\"2.0\"><item><title>x</title></item></rss>");
        assertThat(noChannel.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(noChannel.failure()).contains("no <channel>");
        ImportReport html = importText("<!DOCTYPE html><html><body>Not an export</body></html>");
        assertThat(html.state()).isEqualTo(ImportReport.State.FAILED);
    }

    @Test
    void malformedFixturesStopWithLineAndColumn() throws Exception {
        Path dir = WxrImportRealDataTest.DATA.resolve("wordpress-importer-phpunit");
        if (!Files.isDirectory(dir)) {
            Assumptions.abort("The real WordPress exports are not here (../shared/data/wxr/); skipping");
        }
        for (String name : new String[] {"malformed.xml", "malformed-simple.xml", "crazy-cdata.xml"}) {
            Path file = dir.resolve(name);
            ImportReport report = importer.newReport(file);
            importer.run(file, null, report);
            assertThat(report.state()).as(name).isEqualTo(ImportReport.State.FAILED);
            assertThat(report.failure()).as(name).startsWith(file + ": malformed XML at line ")
                    .containsPattern("malformed XML at line \\d+, column \\d+");
        }
    }

    @Test
    void attachmentsAreCopiedFromTheMediaFolderOrKeptAtTheirAddress() throws Exception {
        Path uploads = tmp.resolve("uploads");
        Files.createDirectories(uploads.resolve("2024/03"));
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        Files.write(uploads.resolve("2024/03/harbour.png"), png);
        String xml = Wxr.site(
                Wxr.attachment(100, "https://old.example/wp-content/uploads/2024/03/harbour.png", "Harbour at dawn"),
                Wxr.attachment(101, "https://old.example/wp-content/uploads/2024/03/missing.jpg", ""),
                Wxr.item(102, "Pictured", "pictured", "publish", "post",
                        "<img src=\"https://old.example/wp-content/uploads/2024/03/harbour.png\" alt=\"Harbour\">",
                        Wxr.meta("_thumbnail_id", "100")),
                Wxr.item(103, "Remote", "remote", "publish", "post", "Text", Wxr.meta("_thumbnail_id", "101")));
        ImportReport report = importBytes(xml.getBytes(StandardCharsets.UTF_8), uploads);
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);

        Document page = Jsoup.parse(mvc.perform(get("/2024/03/05/pictured/")).andReturn().getResponse().getContentAsString());
        assertThat(page.select("figure.lead-image img").attr("src")).isEqualTo("/media/wp/2024/03/harbour.png");
        assertThat(page.select("figure.lead-image img").attr("alt")).isEqualTo("Harbour at dawn");
        assertThat(page.select("figure.lead-image img").attr("width")).as("a copied image is read: its size is known").isEqualTo("1");
        assertThat(page.select(".article-body img").attr("src")).isEqualTo("/media/wp/2024/03/harbour.png");
        mvc.perform(get("/media/wp/2024/03/harbour.png")).andExpect(status().isOk());

        Document remote = Jsoup.parse(mvc.perform(get("/2024/03/05/remote/")).andReturn().getResponse().getContentAsString());
        Element remoteLead = remote.selectFirst("figure.lead-image img");
        assertThat(remoteLead.attr("src")).isEqualTo("https://old.example/wp-content/uploads/2024/03/missing.jpg");
        // Its size was never read: no width="0" height="0" (drawn as nothing) and no "0w" candidate.
        assertThat(remoteLead.hasAttr("width") || remoteLead.hasAttr("height") || remoteLead.hasAttr("srcset"))
                .as("size attributes of an image of unknown size: %s", remoteLead).isFalse();
        Document front = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
        for (Element img : front.select("img[src*=missing.jpg]")) {
            assertThat(img.attr("width") + img.attr("height") + img.attr("srcset")).as("%s", img).doesNotContain("0w").isEmpty();
        }
    }

    @Test
    void galleriesFindImagesListedAfterThePost() throws Exception {
        importText(Wxr.site(
                Wxr.item(110, "Gallery", "gallery", "publish", "post", "Before\n\n[gallery ids=\"111,112\"]\n\nAfter", ""),
                Wxr.attachment(111, "https://old.example/wp-content/uploads/a.jpg", ""),
                Wxr.attachment(112, "https://old.example/wp-content/uploads/b.jpg", "")));
        Document page = Jsoup.parse(mvc.perform(get("/2024/03/05/gallery/")).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".article-body figure.gallery img").eachAttr("src"))
                .containsExactly("https://old.example/wp-content/uploads/a.jpg", "https://old.example/wp-content/uploads/b.jpg");
        assertThat(page.select(".article-body p").eachText()).contains("Before", "After");
    }

    /** Small WXR documents for these tests. */
    static final class Wxr {

        static String site(String... items) {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                         xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                         xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel>
                    <title>Old Journal</title>
                    <link>https://old.example</link>
                    <wp:wxr_version>1.2</wp:wxr_version>
                    <wp:base_site_url>https://old.example</wp:base_site_url>
                    <wp:base_blog_url>https://old.example</wp:base_blog_url>
                    <wp:author><wp:author_login>editor1</wp:author_login><wp:author_email>editor@old.example</wp:author_email>
                      <wp:author_display_name><![CDATA[Editor One]]></wp:author_display_name></wp:author>
                    <wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>parent</wp:category_nicename>
                      <wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Parent]]></wp:cat_name></wp:category>
                    <wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>child</wp:category_nicename>
                      <wp:category_parent>parent</wp:category_parent><wp:cat_name><![CDATA[Child]]></wp:cat_name></wp:category>
                    """ + String.join("\n", items) + "\n</channel>\n</rss>\n";
        }

        static String item(int id, String title, String slug, String status, String type, String content, String extra) {
            // A scheduled post is dated ahead, so that the server's publisher does not publish it while a test looks.
            String date = "future".equals(status) ? "2099-03-05 09:00:00" : "2024-03-05 09:00:00";
            return "<item><title><![CDATA[" + title + "]]></title><link>https://old.example/archives/" + id + "</link>"
                    + "<dc:creator>editor1</dc:creator><guid isPermaLink=\"false\">https://old.example/?p=" + id + "</guid>"
                    + "<content:encoded><![CDATA[" + content + "]]></content:encoded>"
                    + "<wp:post_id>" + id + "</wp:post_id><wp:post_date>" + date + "</wp:post_date>"
                    + "<wp:post_date_gmt>" + ("draft".equals(status) ? "0000-00-00 00:00:00" : date) + "</wp:post_date_gmt>"
                    + "<wp:comment_status>open</wp:comment_status><wp:post_name>" + slug + "</wp:post_name>"
                    + "<wp:status>" + status + "</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>" + type + "</wp:post_type>"
                    + extra + "</item>";
        }

        static String attachment(int id, String url, String alt) {
            return attachment(id, url, alt, 0, "");
        }

        /** @param link the attachment's own page on the old site, or "" */
        static String attachment(int id, String url, String alt, int parent, String link) {
            return "<item><title>File " + id + "</title>" + (link.isEmpty() ? "" : "<link>" + link + "</link>")
                    + "<guid isPermaLink=\"false\">" + url + "</guid><wp:post_id>" + id + "</wp:post_id><wp:post_type>attachment</wp:post_type>"
                    + "<wp:status>inherit</wp:status><wp:post_parent>" + parent + "</wp:post_parent>"
                    + "<wp:attachment_url>" + url + "</wp:attachment_url>"
                    + (alt.isEmpty() ? "" : meta("_wp_attachment_image_alt", alt)) + "</item>";
        }

        static String meta(String key, String value) {
            return "<wp:postmeta><wp:meta_key>" + key + "</wp:meta_key><wp:meta_value><![CDATA[" + value + "]]></wp:meta_value></wp:postmeta>";
        }

        static String comment(int id, int parent, String approved, String author, String content) {
            return "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author><![CDATA[" + author + "]]></wp:comment_author>"
                    + "<wp:comment_author_email>a" + id + "@example.org</wp:comment_author_email>"
                    + "<wp:comment_author_url>https://example.org/" + id + "</wp:comment_author_url>"
                    + "<wp:comment_author_IP>192.0.2.1</wp:comment_author_IP>"
                    + "<wp:comment_date>2024-03-06 10:00:00</wp:comment_date><wp:comment_date_gmt>2024-03-06 10:00:00</wp:comment_date_gmt>"
                    + "<wp:comment_content><![CDATA[" + content + "]]></wp:comment_content>"
                    + "<wp:comment_approved>" + approved + "</wp:comment_approved><wp:comment_type></wp:comment_type>"
                    + "<wp:comment_parent>" + parent + "</wp:comment_parent></wp:comment>";
        }
    }
}
