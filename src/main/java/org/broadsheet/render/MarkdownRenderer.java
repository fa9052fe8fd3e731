package org.broadsheet.render;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.springframework.stereotype.Component;

/**
 * Turns an article's Markdown into the HTML readers get: headings with anchors, tables, block quotes,
 * images, and footnotes as numbered superscript links to a list of notes that link back. Raw HTML in the
 * source is allowed but sanitised. Runs when an article is saved, never when it is read.
 */
@Component
public class MarkdownRenderer {

    private static final Pattern NON_DIGITS = Pattern.compile("\\D+");
    // Selectors parsed once, not for every article.
    private static final Evaluator NOTE_REFERENCES = QueryParser.parse("sup.footnote-ref > a");
    private static final Evaluator BACK_LINKS = QueryParser.parse("a.footnote-backref");
    private static final Evaluator NOTES = QueryParser.parse("section.footnotes");
    private static final Evaluator TABLES = QueryParser.parse("table");

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
        Document generated;
        try {
            Node root = parser.parse(markdown == null ? "" : markdown);
            html = renderer.render(root);
            // Without raw HTML, commonmark's HTML is read by a parser for just that form; anything else by jsoup's.
            generated = RawHtml.in(root) ? null : GeneratedHtmlParser.parse(html, HtmlSanitizer.BASE_URI);
        } catch (StackOverflowError e) {
            // commonmark walks the tree recursively: "> > > …" a few thousand times deep is beyond any stack.
            throw new MarkdownTooDeep();
        }
        Document doc = generated != null ? sanitizer.cleaned(generated) : sanitizer.cleaned(html);
        // Each select walks the whole tree; most bodies have no notes or tables to look for.
        if (html.contains("footnote")) {
            labelFootnotes(doc);
        }
        if (hasTable(html)) {
            wrapTables(doc);
        }
        return doc.body().html();
    }

    /** Whether the HTML has a {@code <table} in any case: a look at each {@code <} rather than a regular expression. */
    private static boolean hasTable(String html) {
        for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
            if (html.regionMatches(true, i + 1, "table", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    /**
     * commonmark writes bare numbers as link text; screen readers then announce "1". Give each reference
     * and back-link an accessible name, and the notes list a heading.
     */
    private void labelFootnotes(Document doc) {
        for (Element ref : doc.select(NOTE_REFERENCES)) {
            ref.attr("aria-label", "Note " + ref.text());
            ref.attr("role", "doc-noteref");
        }
        for (Element back : doc.select(BACK_LINKS)) {
            String number = NON_DIGITS.matcher(back.attr("href")).replaceAll(" ").trim();
            back.attr("aria-label", "Back to reference " + number.split(" ")[0]);
            back.attr("role", "doc-backlink");
        }
        Element notes = doc.selectFirst(NOTES);
        if (notes != null) {
            notes.attr("role", "doc-endnotes");
            notes.attr("aria-label", "Notes");
            notes.prependElement("h2").addClass("footnotes-title").attr("id", "notes").text("Notes");
        }
    }

    /** Finds raw HTML (a block or inline) in a parsed Markdown document. */
    private static final class RawHtml extends AbstractVisitor {
        private boolean found;

        static boolean in(Node root) {
            RawHtml visitor = new RawHtml();
            root.accept(visitor);
            return visitor.found;
        }

        @Override
        public void visit(HtmlBlock htmlBlock) {
            found = true;
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            found = true;
        }
    }

    /** Wide tables scroll sideways on a phone instead of widening the page. */
    private void wrapTables(Document doc) {
        for (Element table : doc.select(TABLES)) {
            table.wrap("<div class=\"table-scroll\"></div>");
        }
    }
}
