package org.broadsheet.render;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Turns an article's Markdown into the HTML readers get: headings with anchors, tables, block quotes,
 * images, and footnotes as numbered superscript links to a list of notes that link back. Raw HTML in the
 * source is allowed but sanitised. Runs when an article is saved, never when it is read.
 */
@Component
public class MarkdownRenderer {

    private static final Pattern TABLE = Pattern.compile("<table", Pattern.CASE_INSENSITIVE);

    private final List<Extension> extensions = List.of(
            FootnotesExtension.create(), TablesExtension.create(), HeadingAnchorExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).build();
    private final HtmlSanitizer sanitizer;

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    /**
     * Renders and sanitises an article body.
     *
     * @throws MarkdownTooDeep for block quotes or lists nested so deep that rendering runs out of stack
     */
    public String render(String markdown) {
        String html;
        try {
            html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        } catch (StackOverflowError e) {
            // commonmark walks the tree recursively: "> > > …" a few thousand times deep is beyond any stack.
            throw new MarkdownTooDeep();
        }
        Document doc = sanitizer.cleaned(html);
        // Each select walks the whole tree; most bodies have no notes or tables to look for.
        if (html.contains("footnote")) {
            labelFootnotes(doc);
        }
        if (TABLE.matcher(html).find()) {
            wrapTables(doc);
        }
        return doc.body().html();
    }

    /**
     * commonmark writes bare numbers as link text; screen readers then announce "1". Give each reference
     * and back-link an accessible name, and the notes list a heading.
     */
    private void labelFootnotes(Document doc) {
        for (Element ref : doc.select("sup.footnote-ref > a")) {
            ref.attr("aria-label", "Note " + ref.text());
            ref.attr("role", "doc-noteref");
        }
        for (Element back : doc.select("a.footnote-backref")) {
            String number = back.attr("href").replaceAll("\\D+", " ").trim();
            back.attr("aria-label", "Back to reference " + number.split(" ")[0]);
            back.attr("role", "doc-backlink");
        }
        Element notes = doc.selectFirst("section.footnotes");
        if (notes != null) {
            notes.attr("role", "doc-endnotes");
            notes.attr("aria-label", "Notes");
            notes.prependElement("h2").addClass("footnotes-title").attr("id", "notes").text("Notes");
        }
    }

    /** Wide tables scroll sideways on a phone instead of widening the page. */
    private void wrapTables(Document doc) {
        for (Element table : doc.select("table")) {
            table.wrap("<div class=\"table-scroll\"></div>");
        }
    }
}
