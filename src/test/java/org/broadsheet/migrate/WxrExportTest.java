package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The demo journal written as WXR 1.2: well-formed, complete, and readable by an importer (ours). */
@SpringBootTest
class WxrExportTest {

    private static final String WP = "http://wordpress.org/export/1.2/";

    @Autowired
    WxrWriter writer;
    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    @Test
    void writesWellFormedWxrWithEveryArticleSectionTagAuthorAndComment() throws Exception {
        jdbc.sql("UPDATE article SET body_html = CONCAT(body_html, '<p>Ends with ]]> inside</p>') WHERE id = (SELECT MIN(id) FROM article)").update();
        Path file = tmp.resolve("site.xml");
        writer.write(file);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        assertThat(doc.getElementsByTagNameNS(WP, "wxr_version").item(0).getTextContent()).isEqualTo("1.2");
        long articles = count("SELECT COUNT(*) FROM article");
        NodeList items = doc.getElementsByTagName("item");
        long posts = 0;
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            if ("post".equals(item.getElementsByTagNameNS(WP, "post_type").item(0).getTextContent())) {
                posts++;
            }
        }
        assertThat(posts).isEqualTo(articles);
        assertThat(doc.getElementsByTagNameNS(WP, "comment").getLength()).isEqualTo(count("SELECT COUNT(*) FROM comment"));
        assertThat(doc.getElementsByTagNameNS(WP, "category").getLength()).isEqualTo(count("SELECT COUNT(*) FROM section"));
        assertThat(doc.getElementsByTagNameNS(WP, "tag").getLength()).isEqualTo(count("SELECT COUNT(*) FROM tag"));
        assertThat(doc.getElementsByTagNameNS(WP, "author").getLength()).isEqualTo(count("SELECT COUNT(*) FROM author"));
        assertThat(Files.readString(file)).contains("Ends with ]]]]><![CDATA[> inside");

        List<String> titles = jdbc.sql("SELECT title FROM article ORDER BY title").query(String.class).list();
        List<String> languages = jdbc.sql("SELECT language FROM article ORDER BY title").query(String.class).list();
        long comments = count("SELECT COUNT(*) FROM comment");
        long nested = count("SELECT COUNT(*) FROM section WHERE parent_id IS NOT NULL");
        Sites.wipe(jdbc);
        ImportReport report = importer.newReport(file);
        importer.run(file, null, report);

        assertThat(report.state()).as(String.join("\n", report.summary())).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT title FROM article ORDER BY title").query(String.class).list()).isEqualTo(titles);
        assertThat(jdbc.sql("SELECT language FROM article ORDER BY title").query(String.class).list()).isEqualTo(languages);
        assertThat(count("SELECT COUNT(*) FROM comment")).isEqualTo(comments);
        assertThat(count("SELECT COUNT(*) FROM section WHERE parent_id IS NOT NULL")).isEqualTo(nested);
        assertThat(count("SELECT COUNT(*) FROM article WHERE translation_group IS NOT NULL")).isPositive();
    }

    @Test
    void imagesInBodiesNameTheAttachmentsAddressSoWordPressCanReplaceIt() throws Exception {
        Path file = tmp.resolve("site.xml");
        writer.write(file);

        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        List<String> attachments = new java.util.ArrayList<>();
        NodeList urls = doc.getElementsByTagNameNS(WP, "attachment_url");
        for (int i = 0; i < urls.getLength(); i++) {
            attachments.add(urls.item(i).getTextContent());
        }
        List<String> bodyImages = new java.util.ArrayList<>();
        NodeList bodies = doc.getElementsByTagNameNS("http://purl.org/rss/1.0/modules/content/", "encoded");
        for (int i = 0; i < bodies.getLength(); i++) {
            bodyImages.addAll(org.jsoup.Jsoup.parseBodyFragment(bodies.item(i).getTextContent()).select("img").eachAttr("src"));
        }
        // The demo's body image, stored as /media/demo/figure-1.png, is written as the attachment's own address.
        assertThat(bodyImages).isNotEmpty().allMatch(src -> src.startsWith("http"));
        assertThat(attachments).containsAll(bodyImages);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
