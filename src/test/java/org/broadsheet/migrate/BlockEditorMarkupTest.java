package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.broadsheet.render.HtmlSanitizer;
import org.broadsheet.render.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BlockEditorMarkupTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new HtmlSanitizer());

    @Test
    void footnotesAreWrittenAsTheBlockEditorKeepsThem() {
        String html = renderer.render("Claim one[^1] and claim two[^2].\n\n[^1]: First *block* note.\n[^2]: Second note.\n");
        BlockEditorMarkup.Written written = BlockEditorMarkup.of(html, 12, Map.of());

        Document doc = Jsoup.parseBodyFragment(written.html());
        assertThat(doc.select("section.footnotes, sup.footnote-ref, a.footnote-backref")).isEmpty();
        assertThat(written.html()).contains("<!-- wp:footnotes /-->");
        var refs = doc.select("sup.fn[data-fn]");
        assertThat(refs).hasSize(2);
        for (Element ref : refs) {
            String id = ref.attr("data-fn");
            assertThat(ref.selectFirst("a").attr("href")).isEqualTo("#" + id);
            assertThat(ref.selectFirst("a").id()).isEqualTo(id + "-link");
            assertThat(written.footnotesMeta()).contains("\"id\":\"" + id + "\"");
        }
        assertThat(refs.eachText()).containsExactly("1", "2");
        assertThat(written.footnotesMeta()).contains("\"content\":\"First <em>block</em> note.\"", "\"content\":\"Second note.\"");
        // The same ids at every export, so that a second import updates the notes it made.
        assertThat(BlockEditorMarkup.of(html, 12, Map.of())).isEqualTo(written);
    }

    @Test
    void aGalleryIsWrittenAsAGalleryBlockNamingTheExportsAttachments() {
        String html = "<figure class=\"gallery\"><img src=\"https://j.example/media/a.png\" alt=\"A\">"
                + "<img src=\"https://elsewhere.example/b.jpg\" alt=\"\"></figure>";
        String written = BlockEditorMarkup.of(html, 1, Map.of("https://j.example/media/a.png", 40L)).html();

        assertThat(written).startsWith("<!-- wp:gallery {\"linkTo\":\"none\"} --><figure class=\"wp-block-gallery")
                .endsWith("</figure><!-- /wp:gallery -->")
                .contains("<!-- wp:image {\"id\":40,\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->")
                .contains("<!-- wp:image {\"sizeSlug\":\"large\",\"linkDestination\":\"none\"} -->");
        Document doc = Jsoup.parseBodyFragment(written);
        assertThat(doc.select("figure.wp-block-gallery > figure.wp-block-image > img").eachAttr("src"))
                .containsExactly("https://j.example/media/a.png", "https://elsewhere.example/b.jpg");
        assertThat(doc.select("img.wp-image-40").attr("alt")).isEqualTo("A");
    }

    @Test
    void aBodyWithoutNotesOrGalleriesIsLeftAsItIs() {
        assertThat(BlockEditorMarkup.of("<p>Plain.</p>", 1, Map.of())).isEqualTo(new BlockEditorMarkup.Written("<p>Plain.</p>", null));
    }
}
