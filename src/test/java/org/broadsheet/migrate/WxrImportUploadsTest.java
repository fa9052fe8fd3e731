package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.broadsheet.migrate.WxrImportBehaviourTest.Wxr;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The old site's uploads, in each shape WordPress writes their addresses: copied, and their old addresses kept. */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class WxrImportUploadsTest {

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @TempDir
    Path tmp;

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
    }

    ImportReport importWithMedia(String xml, Path mediaDir) {
        ImportReport report = WxrImportBehaviourTest.importBytes(importer, xml.getBytes(StandardCharsets.UTF_8), mediaDir);
        assertThat(report.state()).as(String.join("\n", report.summary())).isEqualTo(ImportReport.State.FINISHED);
        return report;
    }

    Path upload(Path folder, String path, byte[] bytes) throws Exception {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    MockHttpServletResponse answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    /** Asserts a 301 to a path of this site, and that the path answers. */
    void movesTo(MockHttpServletRequestBuilder request, String location) throws Exception {
        mvc.perform(request).andExpect(status().isMovedPermanently()).andExpect(header().string("Location", location));
        assertThat(answer(get(URI.create(location))).getStatus()).as(location).isEqualTo(200);
    }

    @Test
    void aCopiedUploadsOldAddressesLeadToTheCopyAndItsPageToItsPost() throws Exception {
        Path uploads = tmp.resolve("uploads");
        upload(uploads, "2024/03/harbour.png", PNG);
        upload(uploads, "2024/03/sea view.png", PNG);
        upload(uploads, "2024/03/lonely.png", PNG);
        upload(uploads, "2024/03/draft-picture.png", PNG);
        List<String> items = new ArrayList<>();
        // The attachment comes before its post, which a later batch brings.
        items.add(Wxr.attachment(100, "https://old.example/wp-content/uploads/2024/03/harbour.png", "Harbour", 102,
                "https://old.example/2024/03/05/pictured/harbour/"));
        items.add(Wxr.attachment(101, "https://old.example/wp-content/uploads/2024/03/missing.jpg", "", 0,
                "https://old.example/missing-page/"));
        items.add(Wxr.attachment(103, "https://old.example/wp-content/uploads/2024/03/sea%20view.png", "", 0, ""));
        items.add(Wxr.attachment(104, "https://old.example/wp-content/uploads/2024/03/lonely.png", "", 0,
                "https://old.example/lonely/"));
        items.add(Wxr.attachment(105, "https://old.example/wp-content/uploads/2024/03/draft-picture.png", "", 106,
                "https://old.example/?attachment_id=105"));
        items.add(Wxr.item(106, "Unfinished", "unfinished", "draft", "post", "Text", ""));
        for (int i = 0; i < WxrImporter.BATCH; i++) {
            items.add(Wxr.item(1000 + i, "Filler " + i, "filler-" + i, "publish", "post", "Text", ""));
        }
        items.add(Wxr.item(102, "Pictured", "pictured", "publish", "post",
                "<img src=\"https://old.example/wp-content/uploads/2024/03/harbour-300x200.png\">", ""));
        String xml = Wxr.site(items.toArray(String[]::new));
        importWithMedia(xml, uploads);

        // The file's own address, and the addresses of the copies WordPress made of it.
        String copy = "/media/wp/2024/03/harbour.png";
        movesTo(get("/wp-content/uploads/2024/03/harbour.png"), copy);
        movesTo(get("/wp-content/uploads/2024/03/harbour-300x200.png"), copy);
        movesTo(get("/wp-content/uploads/2024/03/harbour-1024x683.png"), copy);
        movesTo(get("/wp-content/uploads/2024/03/harbour-scaled.png"), copy);
        movesTo(get(URI.create("/wp-content/uploads/2024/03/sea%20view.png")), "/media/wp/2024/03/sea%20view.png");
        // The attachment's page leads to its post, published in a later batch.
        movesTo(get("/2024/03/05/pictured/harbour/"), "/2024/03/05/pictured/");
        movesTo(get("/").param("attachment_id", "100"), "/2024/03/05/pictured/");
        movesTo(get("/").param("p", "100"), "/2024/03/05/pictured/");
        // Without a post (none, or one readers cannot see), to the file.
        movesTo(get("/lonely/"), "/media/wp/2024/03/lonely.png");
        movesTo(get("/").param("attachment_id", "105"), "/media/wp/2024/03/draft-picture.png");
        // A file that was not copied keeps its old address in the media row: nothing here leads to it.
        mvc.perform(get("/wp-content/uploads/2024/03/missing.jpg")).andExpect(status().isNotFound());
        mvc.perform(get("/missing-page/")).andExpect(status().isNotFound());
        mvc.perform(get("/").param("attachment_id", "101")).andExpect(status().isNotFound());
        mvc.perform(get("/wp-content/uploads/2024/03/unknown-300x200.png")).andExpect(status().isNotFound());

        // Running the import again changes nothing readers see.
        long rows = Sites.count(jdbc, "SELECT COUNT(*) FROM redirect");
        importWithMedia(xml, uploads);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM redirect")).isEqualTo(rows);
        movesTo(get("/").param("attachment_id", "100"), "/2024/03/05/pictured/");
        movesTo(get("/wp-content/uploads/2024/03/harbour-300x200.png"), copy);
    }

    /** A PNG of the given size, one colour: its header is what the import reads. */
    static byte[] png(int width, int height) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void wordPresssResizedCopiesBecomeTheImagesSrcsetAndKeepTheirAddresses() throws Exception {
        Path uploads = tmp.resolve("uploads");
        upload(uploads, "2024/05/photo.png", png(1536, 1024));
        upload(uploads, "2024/05/photo-150x150.png", png(150, 150));
        upload(uploads, "2024/05/photo-300x200.png", png(300, 200));
        upload(uploads, "2024/05/photo-768x512.png", png(768, 512));
        upload(uploads, "2024/05/photo-1024x683.png", png(1024, 683));
        // Listed in the metadata but not in the folder: the old site had deleted it.
        Files.write(tmp.resolve("secret-300x200.png"), png(300, 200));
        String metadata = Wxr.meta("_wp_attachment_metadata", PhpSerializedTest.METADATA);
        String xml = Wxr.site(
                Wxr.attachment(400, "https://old.example/wp-content/uploads/2024/05/photo.png", "A harbour at dusk", 401, "")
                        .replace("</item>", metadata + "</item>"),
                // A second attachment of the same file, and one whose metadata is broken: neither stops the import.
                Wxr.attachment(402, "https://old.example/wp-content/uploads/2024/05/photo.png", "", 0, "")
                        .replace("</item>", metadata + "</item>"),
                Wxr.attachment(403, "https://old.example/wp-content/uploads/2024/05/photo-300x200.png", "", 0, "")
                        .replace("</item>", Wxr.meta("_wp_attachment_metadata", "a:1:{s:5:\"sizes\"") + "</item>"),
                Wxr.item(401, "Harbour", "harbour", "publish", "post", "<p>At dusk.</p>", Wxr.meta("_thumbnail_id", "400")));
        ImportReport report = importWithMedia(xml, uploads);

        assertThat(report.count("resized copies copied")).isEqualTo(8);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("attachment 403: its list of resized copies cannot be read"));
        // Browsers choose among the copies that show the whole picture, as WordPress offered them; never the square thumbnail.
        Document page = Jsoup.parse(answer(get("/2024/03/05/harbour/")).getContentAsString());
        org.jsoup.nodes.Element lead = page.selectFirst("figure.lead-image img");
        assertThat(lead).isNotNull();
        assertThat(lead.attr("srcset")).isEqualTo("/media/wp/2024/05/photo-300x200.png 300w, /media/wp/2024/05/photo-768x512.png 768w, "
                + "/media/wp/2024/05/photo-1024x683.png 1024w, /media/wp/2024/05/photo.png 1536w");
        assertThat(lead.attr("src")).isEqualTo("/media/wp/2024/05/photo-1024x683.png");
        assertThat(lead.attr("width")).isEqualTo("1536");
        for (String copy : lead.attr("srcset").split(" \\d+w(, )?")) {
            assertThat(answer(get(copy)).getStatus()).as(copy).isEqualTo(200);
        }
        // Each copy's old address leads to that copy; the thumbnail's too.
        movesTo(get("/wp-content/uploads/2024/05/photo-768x512.png"), "/media/wp/2024/05/photo-768x512.png");
        movesTo(get("/wp-content/uploads/2024/05/photo-150x150.png"), "/media/wp/2024/05/photo-150x150.png");
        // Nothing outside the media folder was read, whatever the metadata named.
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM media_variant WHERE storage_key LIKE '%secret%'")).isZero();
        mvc.perform(get("/media/wp/secret-300x200.png")).andExpect(status().isNotFound());

        // Running the import again keeps one set of copies.
        long variants = Sites.count(jdbc, "SELECT COUNT(*) FROM media_variant");
        long redirects = Sites.count(jdbc, "SELECT COUNT(*) FROM redirect");
        assertThat(variants).isEqualTo(3);
        importWithMedia(xml, uploads);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM media_variant")).isEqualTo(variants);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM redirect")).isEqualTo(redirects);
        page = Jsoup.parse(answer(get("/2024/03/05/harbour/")).getContentAsString());
        assertThat(page.select("figure.lead-image img").attr("srcset")).contains("photo-768x512.png 768w");
    }

    /**
     * An image that comes without WordPress's copies (its upload folder copied without them, or a file added
     * outside WordPress) gets copies made as an upload does, so that a phone is not sent the full-size file; a file
     * that cannot be decoded is still imported and served, with a warning.
     */
    @Test
    void anImageWithoutWordPresssCopiesGetsCopiesMadeAsAnUploadDoes() throws Exception {
        Path uploads = tmp.resolve("uploads");
        upload(uploads, "2024/06/wide.png", png(1600, 1000));
        upload(uploads, "2024/06/broken.png", "not a picture".getBytes(StandardCharsets.UTF_8));
        String xml = Wxr.site(
                Wxr.attachment(500, "https://old.example/wp-content/uploads/2024/06/wide.png", "A wide view", 501, ""),
                Wxr.attachment(502, "https://old.example/wp-content/uploads/2024/06/broken.png", "", 0, ""),
                Wxr.item(501, "Wide", "wide", "publish", "post", "<p>Far.</p>", Wxr.meta("_thumbnail_id", "500")));
        ImportReport report = importWithMedia(xml, uploads);

        assertThat(report.count("images given resized copies")).isEqualTo(1);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).startsWith("attachment 502: no resized copies could be made"));
        Document page = Jsoup.parse(answer(get("/2024/03/05/wide/")).getContentAsString());
        org.jsoup.nodes.Element lead = page.selectFirst("figure.lead-image img");
        assertThat(lead).isNotNull();
        assertThat(lead.attr("srcset")).isEqualTo("/media/wp/2024/06/wide.w480.png 480w, /media/wp/2024/06/wide.w960.png 960w, "
                + "/media/wp/2024/06/wide.png 1600w");
        for (String copy : lead.attr("srcset").split(" \\d+w(, )?")) {
            MockHttpServletResponse file = answer(get(copy));
            assertThat(file.getStatus()).as(copy).isEqualTo(200);
            if (copy.contains(".w480.")) {
                java.awt.image.BufferedImage small = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(file.getContentAsByteArray()));
                assertThat(small.getWidth()).isEqualTo(480);
                assertThat(small.getHeight()).isEqualTo(300);
            }
        }
        assertThat(answer(get("/media/wp/2024/06/broken.png")).getStatus()).isEqualTo(200);

        // Running the import again keeps one set of copies.
        importWithMedia(xml, uploads);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM media_variant")).isEqualTo(2);
    }

    /** A post whose images are a caption, a gallery and a plain image, with the first as its featured image. */
    private static String pictured() {
        return Wxr.site(
                Wxr.attachment(200, "https://old.example/wp-content/uploads/2020/01/photo.png", "A photo", 201, ""),
                Wxr.attachment(202, "https://old.example/wp-content/uploads/2020/01/other.png", "", 201, ""),
                Wxr.item(201, "Pictured", "pictured", "publish", "post",
                        "[caption id=\"attachment_200\" width=\"300\"]<img class=\"wp-image-200\" "
                                + "src=\"https://old.example/wp-content/uploads/2020/01/photo.png\" alt=\"A photo\"> The photo[/caption]\n\n"
                                + "[gallery ids=\"200,202\"]\n\n<img src=\"https://old.example/wp-content/uploads/2020/01/other.png\">",
                        Wxr.meta("_thumbnail_id", "200")));
    }

    /** Every image the article's page shows: the featured one and those in its body. */
    private List<String> imagesOfPictured() throws Exception {
        Document page = Jsoup.parse(answer(get("/2024/03/05/pictured/")).getContentAsString());
        List<String> sources = new ArrayList<>(page.select("figure.lead-image img").eachAttr("src"));
        sources.addAll(page.select(".article-body img").eachAttr("src"));
        return sources;
    }

    /** The newsroom's upload cannot take media, and a re-run may be made without --media-dir: copies stay in use. */
    @Test
    void runningTheImportAgainWithoutTheMediaFolderKeepsTheCopies() throws Exception {
        Path uploads = tmp.resolve("uploads");
        upload(uploads, "2020/01/photo.png", png(1600, 1000));
        upload(uploads, "2020/01/other.png", PNG);
        importWithMedia(pictured(), uploads);
        List<String> copied = imagesOfPictured();
        assertThat(copied).hasSize(5).allSatisfy(src -> assertThat(src).startsWith("/media/wp/2020/01/"));
        long variants = Sites.count(jdbc, "SELECT COUNT(*) FROM media_variant");
        assertThat(variants).isPositive();

        ImportReport again = importWithMedia(pictured(), null);
        assertThat(imagesOfPictured()).isEqualTo(copied);
        assertThat(jdbc.sql("SELECT body_md FROM article").query(String.class).single()).doesNotContain("old.example");
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM media WHERE storage_key LIKE 'remote/%'")).isZero();
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM media_variant")).isEqualTo(variants);
        assertThat(again.count("attachments updated")).isEqualTo(2);
        movesTo(get("/wp-content/uploads/2020/01/photo.png"), "/media/wp/2020/01/photo.png");
    }

    /** As the newsroom's import page advises: import first, then run the command again with the media. */
    @Test
    void mediaImportedWithoutTheirFilesTakeTheCopiesWhenTheImportRunsAgainWithThem() throws Exception {
        importWithMedia(pictured(), null);
        assertThat(imagesOfPictured()).allSatisfy(src -> assertThat(src).startsWith("https://old.example/"));

        Path uploads = tmp.resolve("uploads");
        upload(uploads, "2020/01/photo.png", png(1600, 1000));
        upload(uploads, "2020/01/other.png", PNG);
        importWithMedia(pictured(), uploads);

        assertThat(imagesOfPictured()).hasSize(5).allSatisfy(src -> assertThat(src).startsWith("/media/wp/2020/01/"));
        assertThat(jdbc.sql("SELECT storage_key || ' ' || COALESCE(remote_url, '-') FROM media ORDER BY storage_key")
                .query(String.class).list()).containsExactly("wp/2020/01/other.png -", "wp/2020/01/photo.png -");
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM media")).isEqualTo(2);
        // The featured image is sent at the width a screen needs, as a copy imported at once would be.
        Document page = Jsoup.parse(answer(get("/2024/03/05/pictured/")).getContentAsString());
        assertThat(page.select("figure.lead-image img").attr("srcset")).contains("/media/wp/2020/01/photo.w480.png 480w");
        assertThat(page.select("figure.lead-image img").attr("width")).isEqualTo("1600");
    }

    @Test
    void aCraftedExportLeadsNowhereElse() throws Exception {
        Path uploads = tmp.resolve("uploads");
        upload(uploads, "2024/03/harbour.png", PNG);
        importWithMedia(Wxr.site(
                Wxr.attachment(120, "https://elsewhere.example/phish.png", "", 0, "https://elsewhere.example/page/"),
                Wxr.attachment(121, "//elsewhere.example/wp-content/uploads/2024/03/nothing.png", "", 0, "//elsewhere.example/"),
                Wxr.attachment(122, "https://old.example/wp-content/uploads/../../../etc/passwd", "", 0, "https://old.example/x/"),
                Wxr.attachment(123, "javascript:alert(1)", "", 0, "javascript:alert(2)"),
                Wxr.attachment(124, "https://old.example/wp-content/uploads/2024/03/nul%00.png", "", 0, "")), uploads);

        for (String id : new String[] {"120", "121", "122", "123", "124"}) {
            mvc.perform(get("/").param("attachment_id", id)).andExpect(status().isNotFound());
        }
        mvc.perform(get("/page/")).andExpect(status().isNotFound());
        mvc.perform(get("/x/")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM redirect WHERE target IS NOT NULL AND target NOT LIKE '/media/%'")
                .query(Long.class).single()).isZero();
        // Several of WordPress's parameters at once: one answer, not an error.
        mvc.perform(get("/").param("p", "1").param("page_id", "2").param("attachment_id", "3")).andExpect(status().isNotFound());
        mvc.perform(get("/").param("page_id", "2").param("attachment_id", "3")).andExpect(status().isNotFound());
        mvc.perform(get("/").param("attachment_id", "")).andExpect(status().isNotFound());
    }

    @Test
    void aWordPressComExportsMediaAreCopiedAndItsPostsShowTheCopies() throws Exception {
        Path uploads = tmp.resolve("journal-media");
        upload(uploads, "2020/01/photo.jpg", PNG);
        String xml = Wxr.site(
                        Wxr.attachment(200, "https://journal.files.wordpress.com/2020/01/photo.jpg", "Photo", 201,
                                "https://old.example/2024/03/05/shown/photo/"),
                        Wxr.item(201, "Shown", "shown", "publish", "post",
                                "<p><img src=\"https://journal.files.wordpress.com/2020/01/photo.jpg?w=640\" alt=\"One\"></p>"
                                        + "<p><img src=\"https://i0.wp.com/journal.files.wordpress.com/2020/01/photo.jpg?resize=300%2C200\" alt=\"Two\"></p>"
                                        + "<p><a href=\"https://journal.files.wordpress.com/2020/01/photo.jpg\">full size</a></p>",
                                Wxr.meta("_thumbnail_id", "200")))
                .replace("https://old.example", "https://journal.wordpress.com");
        ImportReport report = importWithMedia(xml, uploads);

        assertThat(report.count("media files copied")).isEqualTo(1);
        Document page = Jsoup.parse(mvc.perform(get("/2024/03/05/shown/")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("figure.lead-image img").attr("src")).isEqualTo("/media/wp/2020/01/photo.jpg");
        assertThat(page.select(".article-body img").eachAttr("src")).containsExactly("/media/wp/2020/01/photo.jpg", "/media/wp/2020/01/photo.jpg");
        assertThat(page.select(".article-body a").eachAttr("href")).contains("/media/wp/2020/01/photo.jpg");
        mvc.perform(get("/media/wp/2020/01/photo.jpg")).andExpect(status().isOk());
        // Its page moves with the post; the files' host was WordPress.com's, whose requests never come here.
        movesTo(get("/2024/03/05/shown/photo/"), "/2024/03/05/shown/");
        mvc.perform(get("/2020/01/photo.jpg")).andExpect(status().isNotFound());
    }

    @Test
    void aNetworksSiteFindsItsUploadsInTheNetworksFolderOrItsOwn() throws Exception {
        String xml = Wxr.site(
                        Wxr.attachment(300, "https://net.example/blog/wp-content/uploads/sites/3/2020/01/a.png", "", 0, ""),
                        Wxr.attachment(301, "https://net.example/blog/files/2020/01/b.png", "", 0, ""),
                        Wxr.item(302, "Networked", "networked", "publish", "post",
                                "<img src=\"/blog/files/2020/01/b.png\"><img src=\"https://net.example/blog/files/2020/01/b-150x150.png\">", ""))
                .replace("https://old.example", "https://net.example/blog");
        // The network's uploads folder: each site's under sites/N, the main site's at the top (here a different file).
        Path network = tmp.resolve("network");
        byte[] mainSites = "not this one".getBytes(StandardCharsets.UTF_8);
        upload(network, "2020/01/a.png", mainSites);
        upload(network, "sites/3/2020/01/a.png", PNG);
        upload(network, "2020/01/b.png", PNG);
        importWithMedia(xml, network);

        movesTo(get("/blog/wp-content/uploads/sites/3/2020/01/a.png"), "/media/wp/sites/3/2020/01/a.png");
        assertThat(answer(get("/media/wp/sites/3/2020/01/a.png")).getContentAsByteArray()).isEqualTo(PNG);
        movesTo(get("/blog/files/2020/01/b.png"), "/media/wp/2020/01/b.png");
        movesTo(get("/blog/files/2020/01/b-150x150.png"), "/media/wp/2020/01/b.png");
        Document page = Jsoup.parse(answer(get("/2024/03/05/networked/")).getContentAsString());
        assertThat(page.select(".article-body img").eachAttr("src")).first().isEqualTo("/media/wp/2020/01/b.png");

        // The site's own folder, given alone.
        Sites.wipe(jdbc);
        Path own = tmp.resolve("site-3");
        upload(own, "2020/01/a.png", PNG);
        importWithMedia(xml, own);
        movesTo(get("/blog/wp-content/uploads/sites/3/2020/01/a.png"), "/media/wp/2020/01/a.png");
    }
}
