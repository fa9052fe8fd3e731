package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Imports the real WordPress exports in ../shared/data/wxr/ and checks that every post, page, category, tag,
 * author and comment arrives, counted independently with a DOM parser.
 */
@SpringBootTest(properties = "broadsheet.demo-content=false")
class WxrImportRealDataTest {

    static final Path DATA = Path.of("../shared/data/wxr");
    private static final Set<String> NOT_WELL_FORMED = Set.of("malformed.xml", "malformed-simple.xml", "crazy-cdata.xml");

    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
    }

    static Stream<Path> exports() throws IOException {
        if (!Files.isDirectory(DATA)) {
            return Stream.of(DATA.resolve("absent.xml"));
        }
        try (Stream<Path> files = Files.walk(DATA)) {
            return files.filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> !NOT_WELL_FORMED.contains(p.getFileName().toString()))
                    .sorted().toList().stream();
        }
    }

    static void requireData() {
        if (!Files.isDirectory(DATA)) {
            Assumptions.abort("The real WordPress exports are not here (../shared/data/wxr/); skipping");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void everyPostPageCategoryTagAuthorAndCommentArrives(Path file) throws Exception {
        requireData();
        Expected expected = Expected.of(file);
        ImportReport report = importer.newReport(file);
        importer.run(file, null, report);

        assertThat(report.state()).as(String.join("\n", report.summary())).isEqualTo(ImportReport.State.FINISHED);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM article")).isEqualTo(expected.articles());
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM comment")).isEqualTo(expected.comments());
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM section")).isEqualTo(expected.categories().size());
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM tag")).isEqualTo(expected.tags().size());
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM author")).isEqualTo(expected.authors().size());
    }

    @Test
    void themeUnitTestDataArrivesWithTheCountsItsReadmeGives() {
        requireData();
        Path file = DATA.resolve("theme-test-data/themeunittestdata.wordpress.xml");
        ImportReport report = importer.newReport(file);
        importer.run(file, null, report);

        assertThat(report.count("posts")).isEqualTo(58);
        assertThat(report.count("pages")).isEqualTo(21);
        assertThat(report.count("attachments")).isEqualTo(37);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM section")).isEqualTo(68);
        // 110 declared in the header, and 4 more that posts use without declaring them.
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM tag")).isEqualTo(114);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM author")).isEqualTo(2);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM app_user WHERE enabled = FALSE AND password_hash IS NULL")).isEqualTo(2);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM comment")).isEqualTo(33);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM comment WHERE status = 'APPROVED'")).isEqualTo(30);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM article WHERE status = 'SCHEDULED'")).isEqualTo(1);
        // Child sections live under their parent's path.
        assertThat(Sites.count(jdbc, """
                SELECT COUNT(*) FROM section s JOIN section p ON s.parent_id = p.id
                WHERE s.path <> CONCAT(p.path, '/', s.slug)""")).isZero();
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM section WHERE parent_id IS NOT NULL")).isPositive();
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM comment WHERE parent_id IS NOT NULL")).isPositive();
    }

    @Test
    void runningTheSameImportAgainUpdatesInsteadOfDuplicating() {
        requireData();
        Path file = DATA.resolve("theme-test-data/64-block-test-data.xml");
        importer.run(file, null, importer.newReport(file));
        long articles = Sites.count(jdbc, "SELECT COUNT(*) FROM article");
        long comments = Sites.count(jdbc, "SELECT COUNT(*) FROM comment");
        long media = Sites.count(jdbc, "SELECT COUNT(*) FROM media");

        ImportReport again = importer.newReport(file);
        importer.run(file, null, again);

        assertThat(again.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM article")).isEqualTo(articles);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM comment")).isEqualTo(comments);
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM media")).isEqualTo(media);
        assertThat(again.count("posts updated")).isEqualTo(61);
    }

    /** What a file holds, counted with a DOM parser, independently of the importer. */
    record Expected(long articles, long comments, Set<String> categories, Set<String> tags, Set<String> authors) {

        static Expected of(Path file) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(file.toFile());
            long articles = 0, comments = 0;
            Set<String> categories = new HashSet<>(), tags = new HashSet<>(), authors = new HashSet<>();
            for (Element e : elements(doc, "category")) {
                categories.add(text(e, "category_nicename"));
            }
            for (Element e : elements(doc, "tag")) {
                tags.add(text(e, "tag_slug"));
            }
            for (Element e : elements(doc, "term")) {
                String taxonomy = text(e, "term_taxonomy");
                if (taxonomy.equals("category")) {
                    categories.add(text(e, "term_slug"));
                } else if (taxonomy.equals("post_tag")) {
                    tags.add(text(e, "term_slug"));
                }
            }
            for (Element e : elements(doc, "author")) {
                if (!text(e, "author_login").isEmpty()) {
                    authors.add(text(e, "author_login"));
                }
            }
            NodeList items = doc.getElementsByTagName("item");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                String type = text(item, "post_type");
                if (!type.equals("post") && !type.equals("page")) {
                    continue;
                }
                articles++;
                comments += item.getElementsByTagNameNS("*", "comment").getLength();
                String creator = item.getElementsByTagNameNS("*", "creator").getLength() > 0
                        ? item.getElementsByTagNameNS("*", "creator").item(0).getTextContent().strip() : "";
                if (creator.isEmpty()) {
                    creator = text(item, "author");
                }
                authors.add(creator.isEmpty() ? "admin" : creator);
                NodeList terms = item.getElementsByTagName("category");
                for (int t = 0; t < terms.getLength(); t++) {
                    Element term = (Element) terms.item(t);
                    String domain = term.getAttribute("domain");
                    String nicename = term.hasAttribute("nicename") ? term.getAttribute("nicename") : term.getTextContent().strip();
                    if (domain.isEmpty() || domain.equals("category")) {
                        categories.add(nicename);
                    } else if (domain.equals("post_tag") || domain.equals("tag")) {
                        tags.add(nicename);
                    }
                }
            }
            categories.remove("");
            tags.remove("");
            categories = normalized(categories);
            tags = normalized(tags);
            authors = normalized(authors);
            return new Expected(articles, comments, categories, tags, authors);
        }

        /** WordPress slugs are case-insensitive, may arrive URL-encoded, and hand-made exports put spaces and stray marks in them. */
        private static Set<String> normalized(Set<String> slugs) {
            Set<String> out = new HashSet<>();
            for (String s : slugs) {
                out.add(java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)
                        .toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", ""));
            }
            return out;
        }

        private static List<Element> elements(Document doc, String wpName) {
            NodeList list = doc.getElementsByTagNameNS("*", wpName);
            List<Element> out = new java.util.ArrayList<>();
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                if (e.getNamespaceURI() != null && e.getNamespaceURI().contains("wordpress.org/export")) {
                    out.add(e);
                }
            }
            return out;
        }

        /** The first child element of that name in WordPress's namespace (a file may rebind the wp: prefix). */
        private static String text(Element parent, String wpName) {
            NodeList list = parent.getElementsByTagNameNS("*", wpName);
            for (int i = 0; i < list.getLength(); i++) {
                String ns = list.item(i).getNamespaceURI();
                if (ns != null && ns.contains("wordpress.org/export")) {
                    return list.item(i).getTextContent().strip();
                }
            }
            return "";
        }
    }
}
