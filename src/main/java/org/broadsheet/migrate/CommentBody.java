package org.broadsheet.migrate;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Broadsheet keeps comments as the plain text a reader typed (escaped and linked when shown); WordPress
 * keeps them as HTML with automatic paragraphs. This turns the one into the other: paragraphs and line
 * breaks stay, a link keeps its address in brackets after its text, and markup goes.
 */
final class CommentBody {

    private static final Pattern SPACE_BEFORE_BREAK = Pattern.compile("[ \\t]+\n");
    private static final Pattern THREE_BREAKS = Pattern.compile("\n{3,}");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private CommentBody() {
    }

    static String toText(String html) {
        if (html == null) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html.replace("\r\n", "\n").strip();
        }
        Element body = Jsoup.parseBodyFragment(WordPressMarkup.autop(html.replace("\r\n", "\n"))).body();
        StringBuilder out = new StringBuilder();
        walk(body, out);
        String text = SPACE_BEFORE_BREAK.matcher(out).replaceAll("\n");
        return THREE_BREAKS.matcher(text).replaceAll("\n\n").strip();
    }

    private static void walk(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode t) {
                out.append(WHITESPACE_RUN.matcher(t.getWholeText()).replaceAll(" "));
            } else if (child instanceof Element e) {
                switch (e.normalName()) {
                    case "br" -> out.append('\n');
                    case "script", "style" -> {
                    }
                    case "a" -> {
                        walk(e, out);
                        String href = e.attr("href").strip();
                        if (!href.isEmpty() && !href.equals(e.text().strip())) {
                            out.append(" (").append(href).append(')');
                        }
                    }
                    case "p", "blockquote", "li", "div", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6" -> {
                        out.append("\n\n");
                        walk(e, out);
                        out.append("\n\n");
                    }
                    default -> walk(e, out);
                }
            }
        }
    }
}
