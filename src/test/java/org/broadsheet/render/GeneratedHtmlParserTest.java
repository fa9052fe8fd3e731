package org.broadsheet.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

class GeneratedHtmlParserTest {

    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(
            FootnotesExtension.create(), TablesExtension.create(), HeadingAnchorExtension.create());
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private String html(String markdown) {
        return renderer.render(parser.parse(markdown));
    }

    @Test
    void readsCommonmarkOutputIntoTheTreeJsoupMakes() {
        String html = html("""
                # Title *x* & "q"

                Text with **bold**, `co<de>`, [a link](http://x.org/a?b=1&c=2 "ti\\"tle"), ![im&g](/m/x.png)  
                a hard break and a note.[^1]

                - one
                - two
                    1. nested

                > quote

                ```java
                a < b
                ```

                | a | b |
                |:--|--:|
                | 1 | 2 |

                ---

                [^1]: The *note*.
                """);
        Document generated = GeneratedHtmlParser.parse(html, HtmlSanitizer.BASE_URI);

        assertThat(generated).isNotNull();
        assertThat(tree(generated.body())).isEqualTo(tree(Jsoup.parseBodyFragment(html, HtmlSanitizer.BASE_URI).body()));
    }

    @Test
    void leavesAnythingElseToJsoup() {
        assertThat(GeneratedHtmlParser.parse("<p>a <span>b</span></p>\n", HtmlSanitizer.BASE_URI)).isNull();
        assertThat(GeneratedHtmlParser.parse("<p>a <em>b</p>\n", HtmlSanitizer.BASE_URI)).isNull();
        assertThat(GeneratedHtmlParser.parse("<p>a<br>b</p>\n", HtmlSanitizer.BASE_URI)).isNull();
        assertThat(GeneratedHtmlParser.parse("<p>&copy;</p>\n", HtmlSanitizer.BASE_URI)).isNull();
        assertThat(GeneratedHtmlParser.parse("<p>a<p>b</p></p>\n", HtmlSanitizer.BASE_URI)).isNull();
        assertThat(GeneratedHtmlParser.parse("<a href=\"/x\"><a href=\"/y\">b</a></a>\n", HtmlSanitizer.BASE_URI)).isNull();
        assertThat(GeneratedHtmlParser.parse("<table><tr><td>1</td></tr></table>\n", HtmlSanitizer.BASE_URI)).isNull();
        assertThat(GeneratedHtmlParser.parse("<p class='x'>a</p>\n", HtmlSanitizer.BASE_URI)).isNull();
    }

    private static String tree(Node node) {
        StringBuilder out = new StringBuilder();
        describe(node, 0, out);
        return out.toString();
    }

    private static void describe(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
        if (node instanceof Element e) {
            out.append('<').append(e.tagName()).append(" base=").append(e.baseUri());
            for (Attribute a : e.attributes()) {
                out.append(' ').append(a.getKey()).append("=[").append(a.getValue()).append(']');
            }
            out.append('>');
        } else if (node instanceof TextNode t) {
            out.append('"').append(t.getWholeText()).append('"');
        } else {
            out.append(node.nodeName());
        }
        out.append('\n');
        for (Node child : node.childNodes()) {
            describe(child, depth + 1, out);
        }
    }
}
