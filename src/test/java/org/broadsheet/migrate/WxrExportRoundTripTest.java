package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import javax.imageio.ImageIO;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaService;
import org.broadsheet.taxonomy.TaxonomyService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A site written with export-wxr and imported into an empty site reads as it did: subsections at their
 * addresses, footnotes as footnotes, every image of a gallery.
 */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class WxrExportRoundTripTest {

    private static final String ARTICLE = "/2025/03/04/letter-from-brussels/";

    @Autowired
    WxrWriter writer;
    @Autowired
    WxrImporter importer;
    @Autowired
    ArticleService articles;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    MediaService media;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @TempDir
    Path tmp;

    @Test
    void sectionsFootnotesAndGalleriesComeBackAsTheyWere() throws Exception {
        Sites.wipe(jdbc);
        long world = taxonomy.createSection(null, "world", "World", "", 0);
        long europe = taxonomy.createSection(world, "europe", "Europe", "", 0);
        // A second "europe": WordPress wants category slugs unique, the paths must still come back.
        long sport = taxonomy.createSection(null, "sport", "Sport", "", 1);
        long sportEurope = taxonomy.createSection(sport, "europe", "European sport", "", 0);
        Image first = media.upload(png(), "harbour.png", new MediaService.ImageText("The harbour", "", ""));
        Image second = media.upload(png(), "market.png", new MediaService.ImageText("The market", "", ""));
        String body = """
                Claim one[^1] and claim two[^2].

                <figure class="gallery"><img src="%s" alt="The harbour"><img src="%s" alt="The market"></figure>

                [^1]: First *block* note.
                [^2]: Second note.
                """.formatted(first.url(), second.url());
        OffsetDateTime published = OffsetDateTime.parse("2025-03-04T10:00:00Z");
        articles.create(new ArticleService.NewArticle("letter-from-brussels", "en", "Letter from Brussels", "", body,
                ArticleStatus.PUBLISHED, published, published, null, null, null, null, null, null, null, null, null,
                false, List.of(), List.of(europe), List.of()));
        articles.create(new ArticleService.NewArticle("cup-final", "en", "Cup final", "", "Report.",
                ArticleStatus.PUBLISHED, published, published, null, null, null, null, null, null, null, null, null,
                false, List.of(), List.of(sportEurope), List.of()));
        List<String> paths = sectionPaths();
        Document before = page(ARTICLE);

        Path file = tmp.resolve("site.xml");
        writer.write(file);
        Sites.wipe(jdbc);
        ImportReport report = importer.newReport(file);
        importer.run(file, null, report);

        assertThat(report.state()).as(String.join("\n", report.summary())).isEqualTo(ImportReport.State.FINISHED);
        assertThat(sectionPaths()).isEqualTo(paths).contains("world/europe", "sport/europe");
        mvc.perform(get("/section/world/europe/")).andExpect(status().isOk());
        assertThat(jdbc.sql("""
                SELECT s.path FROM section s JOIN article_section x ON x.section_id = s.id
                JOIN article a ON a.id = x.article_id WHERE a.slug = 'cup-final'""").query(String.class).single())
                .isEqualTo("sport/europe");

        String markdown = jdbc.sql("SELECT body_md FROM article WHERE slug = 'letter-from-brussels'").query(String.class).single();
        assertThat(markdown).contains("Claim one[^1] and claim two[^2].", "[^1]: First *block* note.", "[^2]: Second note.")
                .doesNotContain("#fn-", "Notes");

        Document after = page(ARTICLE);
        Element body1 = before.selectFirst(".article-body");
        Element body2 = after.selectFirst(".article-body");
        assertThat(footnotes(body2)).isEqualTo(footnotes(body1)).hasSize(2);
        assertThat(body2.select("section.footnotes li").eachText()).isEqualTo(body1.select("section.footnotes li").eachText());
        for (Element ref : body2.select("sup.footnote-ref a")) {
            String note = ref.attr("href").substring(1);
            assertThat(body2.getElementById(note)).as("note %s", note).isNotNull();
            assertThat(body2.getElementById(note).selectFirst("a.footnote-backref").attr("href")).isEqualTo("#" + ref.id());
        }

        // Without --media-dir the images stay where the export said they are: the same files, by address.
        assertThat(galleryImages(body2)).hasSize(2);
        assertThat(galleryImages(body2)).zipSatisfy(galleryImages(body1), (now, then) -> assertThat(now).endsWith(then));
        assertThat(body2.select("figure.gallery img").eachAttr("alt")).containsExactly("The harbour", "The market");
    }

    private List<String> sectionPaths() {
        return jdbc.sql("SELECT path FROM section ORDER BY path").query(String.class).list();
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** Each reference as "number → note anchor". */
    private static List<String> footnotes(Element body) {
        return body.select("sup.footnote-ref a").stream().map(a -> a.text() + " -> " + a.attr("href")).toList();
    }

    private static List<String> galleryImages(Element body) {
        return body.select("figure.gallery img").eachAttr("src");
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
