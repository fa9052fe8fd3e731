package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new HtmlSanitizer());

    private Document render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown));
    }

    @Test
    void footnotesBecomeNumberedLinksToNotesThatLinkBack() {
        Document doc = render("Claim one.[^a] Claim two.[^b]\n\n[^a]: First source.\n[^b]: Second source.\n");
        assertThat(doc.select("sup.footnote-ref a").eachText()).containsExactly("1", "2");
        assertThat(doc.select("sup.footnote-ref a").eachAttr("href")).containsExactly("#fn-a", "#fn-b");
        assertThat(doc.select("sup.footnote-ref a").eachAttr("aria-label")).containsExactly("Note 1", "Note 2");
        assertThat(doc.select("section.footnotes ol li").eachAttr("id")).containsExactly("fn-a", "fn-b");
        assertThat(doc.select("a.footnote-backref").eachAttr("href")).containsExactly("#fnref-a", "#fnref-b");
        assertThat(doc.selectFirst("section.footnotes > h2").text()).isEqualTo("Notes");
    }

    @Test
    void quotesNestedThousandsDeepAreRefusedWithAMessageNotAStackOverflow() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> renderer.render("> ".repeat(30_000) + "x"))
                .isInstanceOf(MarkdownTooDeep.class).hasMessageContaining("nested too deeply");
        assertThat(render("> > > three levels").select("blockquote")).hasSize(3);
    }

    @Test
    void headingsGetStableAnchors() {
        Document doc = render("## Why lifting is harder\n\ntext\n\n## Why lifting is harder\n");
        assertThat(doc.select("h2").eachAttr("id")).containsExactly("why-lifting-is-harder", "why-lifting-is-harder-1");
    }

    @Test
    void tablesQuotesAndImagesSurvive() {
        Document doc = render("> A quote\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![Alt](/media/x.png \"Title\")\n");
        assertThat(doc.select("blockquote p").text()).isEqualTo("A quote");
        assertThat(doc.select("div.table-scroll > table th").eachText()).containsExactly("a", "b");
        assertThat(doc.selectFirst("img").attr("src")).isEqualTo("/media/x.png");
        assertThat(doc.selectFirst("img").attr("alt")).isEqualTo("Alt");
    }

    @Test
    void rawHtmlIsSanitised() {
        String html = renderer.render("""
                Hello <script>alert(1)</script> <img src="x.png" onerror="alert(2)">
                <a href="javascript:alert(3)">click</a> <iframe src="https://evil.example"></iframe>

                <div onclick="alert(4)" style="color:red">block</div>

                [link](javascript:alert(5))
                """);
        assertThat(html).doesNotContain("<script").doesNotContain("onerror").doesNotContain("javascript:")
                .doesNotContain("<iframe").doesNotContain("onclick").doesNotContain("style=");
        assertThat(Jsoup.parseBodyFragment(html).text()).contains("Hello").contains("click").contains("block");
    }

    @Test
    void ordinaryLinksAreKept() {
        Document doc = render("[Site](https://example.org/a) and [mail](mailto:a@example.org) and [note](#fn-1)");
        assertThat(doc.select("a").eachAttr("href")).containsExactly("https://example.org/a", "mailto:a@example.org", "#fn-1");
    }
}
