package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.broadsheet.render.HtmlSanitizer;
import org.broadsheet.render.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ContentConverterTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new HtmlSanitizer());

    private String md(String html) {
        return ContentConverter.convert(html, null, ContentConverter.NO_LINKS).markdown();
    }

    private Document rendered(String html, String meta) {
        return Jsoup.parseBodyFragment(renderer.render(ContentConverter.convert(html, meta, ContentConverter.NO_LINKS).markdown()));
    }

    @Test
    void classicEditorBlankLinesBecomeParagraphsAndSingleBreaksStay() {
        Document doc = rendered("First line\nsecond line\n\nNew paragraph with <strong>bold</strong> and <em>em</em>.", null);
        assertThat(doc.select("p")).hasSize(2);
        assertThat(doc.select("p").get(0).select("br")).hasSize(1);
        assertThat(doc.select("p strong").text()).isEqualTo("bold");
        assertThat(doc.select("p em").text()).isEqualTo("em");
    }

    @Test
    void blockEditorCommentsAreStrippedAndHeadingsListsQuotesSurvive() {
        String html = """
                <!-- wp:heading --><h2>Title here</h2><!-- /wp:heading -->
                <!-- wp:paragraph --><p>Text <a href="https://example.org/x?a=1&amp;b=2">a link</a>.</p><!-- /wp:paragraph -->
                <!-- wp:list --><ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><!-- /wp:list -->
                <!-- wp:quote --><blockquote class="wp-block-quote"><p>Quoted</p><cite>Someone</cite></blockquote><!-- /wp:quote -->
                <!-- wp:list --><ol start="3"><li>three</li><li>four</li></ol><!-- /wp:list -->""";
        String markdown = md(html);
        assertThat(markdown).doesNotContain("wp:");
        Document doc = Jsoup.parseBodyFragment(renderer.render(markdown));
        assertThat(doc.select("h2").text()).isEqualTo("Title here");
        assertThat(doc.select("a").attr("href")).isEqualTo("https://example.org/x?a=1&b=2");
        assertThat(doc.select("ul > li")).hasSize(3);
        assertThat(doc.select("ul ul li").text()).isEqualTo("nested");
        assertThat(doc.select("blockquote p").first().text()).isEqualTo("Quoted");
        assertThat(doc.select("ol").attr("start")).isEqualTo("3");
    }

    @Test
    void blockEditorFootnotesBecomeMarkdownFootnotes() {
        String html = "<!-- wp:paragraph --><p>A paragraph<sup data-fn=\"aa\" class=\"fn\"><a href=\"#aa\" id=\"aa-link\">1</a></sup></p><!-- /wp:paragraph -->"
                + "<!-- wp:paragraph --><p>Another<sup data-fn=\"bb\" class=\"fn\"><a href=\"#bb\" id=\"bb-link\">2</a></sup></p><!-- /wp:paragraph --><!-- wp:footnotes /-->";
        String meta = "[{\"id\":\"aa\",\"content\":\"A note\"},{\"id\":\"bb\",\"content\":\"Another <em>note</em>\"}]";
        String markdown = ContentConverter.convert(html, meta, ContentConverter.NO_LINKS).markdown();
        assertThat(markdown).contains("[^1]").contains("[^2]: Another *note*");
        Document doc = rendered(html, meta);
        assertThat(doc.select("sup.footnote-ref")).hasSize(2);
        assertThat(doc.select("section.footnotes li")).hasSize(2);
        assertThat(doc.select("section.footnotes li").get(0).text()).contains("A note");
    }

    @Test
    void pluginFootnoteShortcodesBecomeMarkdownFootnotes() {
        Document doc = rendered("Claim one.[ref]Source one.[/ref] Claim two.[footnote]Source <a href=\"https://x.org\">two</a>.[/footnote] Three[efn_note]Third.[/efn_note]", null);
        assertThat(doc.select("sup.footnote-ref")).hasSize(3);
        assertThat(doc.select("section.footnotes li")).hasSize(3);
        assertThat(doc.select("section.footnotes li a[href=https://x.org]")).hasSize(1);
    }

    @Test
    void captionBecomesFigureWithCaption() {
        Document doc = rendered("[caption id=\"attachment_1\" align=\"alignnone\" width=\"300\"]<img src=\"https://example.org/a.jpg\" alt=\"Alt\" width=\"300\" /> The caption[/caption]", null);
        assertThat(doc.select("figure img").attr("src")).isEqualTo("https://example.org/a.jpg");
        assertThat(doc.select("figure figcaption").text()).isEqualTo("The caption");
    }

    @Test
    void unknownShortcodesStayVisibleAndAreReported() {
        ContentConverter.Converted c = ContentConverter.convert("Before [contact-form-7 id=\"4\" title=\"Contact\"] after, and [sic] stays.", null, ContentConverter.NO_LINKS);
        assertThat(c.unknownShortcodes()).containsExactly("contact-form-7");
        Document doc = Jsoup.parseBodyFragment(renderer.render(c.markdown()));
        assertThat(doc.text()).contains("[contact-form-7 id=\"4\" title=\"Contact\"]").contains("[sic]");
    }

    @Test
    void embedsBecomeLinks() {
        Document doc = rendered("[embed]https://www.youtube.com/watch?v=abc[/embed]\n\n<iframe src=\"https://player.example/1\"></iframe>", null);
        assertThat(doc.select("a[href=https://www.youtube.com/watch?v=abc]")).hasSize(1);
        assertThat(doc.select("a[href=https://player.example/1]")).hasSize(1);
    }

    @Test
    void tablesAreKeptAsSanitisedHtml() {
        Document doc = rendered("<table><tr><td onclick=\"x()\">Cell <b>bold</b></td></tr></table>\n\nAfter.", null);
        assertThat(doc.select("table td").text()).isEqualTo("Cell bold");
        assertThat(doc.select("[onclick]")).isEmpty();
        assertThat(doc.select("p").text()).isEqualTo("After.");
    }

    @Test
    void textThatLooksLikeMarkdownIsShownAsTyped() {
        Document doc = rendered("<p># not a heading, *not em*, 1. not a list, [not](a link) &amp;copy;</p>", null);
        assertThat(doc.select("h1, em, ol, a")).isEmpty();
        assertThat(doc.select("p").text()).isEqualTo("# not a heading, *not em*, 1. not a list, [not](a link) &copy;");
    }

    @Test
    void hostileHtmlIsDisarmed() {
        Document doc = rendered("<p onmouseover=\"alert(1)\">Hi <a href=\"javascript:alert(1)\">x</a><script>alert(2)</script>"
                + "<img src=x onerror=alert(3)></p><svg onload=alert(4)></svg><div><script>alert(5)</script></div>", null);
        assertThat(doc.select("script, svg, [onmouseover], [onerror], [onload]")).isEmpty();
        assertThat(doc.select("a[href^=javascript]")).isEmpty();
        assertThat(doc.html()).doesNotContain("alert(2)").doesNotContain("alert(5)");
    }

    @Test
    void preformattedCodeIsKeptVerbatim() {
        Document doc = rendered("<pre>line one\n  indented *stars*\n\nafter blank</pre>", null);
        assertThat(doc.select("pre code").text()).isEqualTo("line one\n  indented *stars*\n\nafter blank");
    }

    @Test
    void aBlockEditorNoteReferredToTwiceIsOneNote() {
        String html = "<p>One<sup data-fn=\"aa\" class=\"fn\"><a href=\"#aa\" id=\"aa-link\">1</a></sup>, again"
                + "<sup data-fn=\"aa\" class=\"fn\"><a href=\"#aa\" id=\"aa-link\">1</a></sup>.</p><!-- wp:footnotes /-->";
        String markdown = ContentConverter.convert(html, "[{\"id\":\"aa\",\"content\":\"The note\"}]", ContentConverter.NO_LINKS).markdown();
        assertThat(markdown).contains("One[^1], again[^1].").contains("[^1]: The note").doesNotContain("[^2]");
    }

    @Test
    void footnotesAsBroadsheetRendersThemBecomeMarkdownFootnotesAgain() {
        // What a WXR file written by an earlier Broadsheet holds: the rendered references and list.
        String html = renderer.render("Claim one[^1] and claim two[^2].\n\n[^1]: First *block* note.\n[^2]: Second note.\n");
        String markdown = md(html);
        assertThat(markdown).contains("Claim one[^1] and claim two[^2].", "[^1]: First *block* note.", "[^2]: Second note.")
                .doesNotContain("Notes", "#fn", "↩");
        assertThat(Jsoup.parseBodyFragment(renderer.render(markdown)).body().html()).isEqualTo(Jsoup.parseBodyFragment(html).body().html());
    }

    @Test
    void aGalleryBlockOfImagesBecomesAGalleryFigure() {
        String html = """
                <!-- wp:gallery {"linkTo":"none"} --><figure class="wp-block-gallery has-nested-images columns-default is-cropped">
                <!-- wp:image {"id":7} --><figure class="wp-block-image size-large"><img src="https://x.org/a.jpg" alt="A" class="wp-image-7"/></figure><!-- /wp:image -->
                <!-- wp:image {"id":8} --><figure class="wp-block-image size-large"><img src="https://x.org/b.jpg" alt="" class="wp-image-8"/></figure><!-- /wp:image -->
                </figure><!-- /wp:gallery -->""";
        assertThat(md(html)).isEqualTo("<figure class=\"gallery\"><img src=\"https://x.org/a.jpg\" alt=\"A\"><img src=\"https://x.org/b.jpg\" alt=\"\"></figure>\n");
        assertThat(rendered(html, null).select("figure.gallery img").eachAttr("src")).containsExactly("https://x.org/a.jpg", "https://x.org/b.jpg");
    }

    @Test
    void aGalleryWithCaptionsOrLinksStaysAsItWasSoNothingIsLost() {
        String captioned = "<figure class=\"wp-block-gallery\"><figure class=\"wp-block-image\"><img src=\"https://x.org/a.jpg\" alt=\"\">"
                + "<figcaption>Harbour</figcaption></figure></figure>";
        assertThat(rendered(captioned, null).select("figcaption").text()).isEqualTo("Harbour");
        String linked = "<figure class=\"wp-block-gallery\"><figure class=\"wp-block-image\"><a href=\"https://x.org/a-full.jpg\">"
                + "<img src=\"https://x.org/a.jpg\" alt=\"\"></a></figure></figure>";
        assertThat(rendered(linked, null).select("a[href=https://x.org/a-full.jpg] img")).hasSize(1);
    }
}
