package org.broadsheet.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Reads the HTML that commonmark writes for Markdown without raw HTML into the same nodes as jsoup's HTML
 * parser, at a fraction of its cost: that HTML is a closed set of tags, every one closed in order, attributes
 * in double quotes, and no entity but the four commonmark escapes. jsoup's parser is built for any HTML
 * (implied and misnested tags, foster parenting, hundreds of entities), and rendering an article body paid
 * for all of it. Anything outside that narrow form — or anything jsoup's tree builder would rearrange — makes
 * {@link #parse} give up and return null, and the caller parses with jsoup as before.
 */
final class GeneratedHtmlParser {

    /** What commonmark and the footnote, table and heading-anchor extensions write. */
    private static final Set<String> ELEMENTS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong",
            "code", "pre", "a", "img", "br", "hr", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr",
            "th", "td", "sup", "section");
    private static final Set<String> VOID = Set.of("img", "br", "hr");
    /** Elements whose start closes an open paragraph in jsoup: never inside a paragraph in commonmark's HTML. */
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr",
            "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "section");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Table parts: text other than white space among them would be moved out of the table by jsoup. */
    private static final Set<String> TABLE_PARTS = Set.of("table", "thead", "tbody", "tr");

    private final String html;
    private int at;
    private final List<Element> open = new ArrayList<>();

    private GeneratedHtmlParser(String html) {
        this.html = html;
    }

    /**
     * The fragment in the body of a new document with the given base URI, as
     * {@code Jsoup.parseBodyFragment(html, baseUri)} would give it; null when the HTML is not of the narrow
     * form described above.
     */
    static Document parse(String html, String baseUri) {
        Document doc = Document.createShell(baseUri);
        return new GeneratedHtmlParser(html).fill(doc.body()) ? doc : null;
    }

    private boolean fill(Element body) {
        open.add(body);
        int n = html.length();
        while (at < n) {
            boolean ok = html.charAt(at) == '<' ? tag() : text();
            if (!ok) {
                return false;
            }
        }
        return open.size() == 1;
    }

    private Element current() {
        return open.get(open.size() - 1);
    }

    private boolean isOpen(String name) {
        for (int i = open.size() - 1; i > 0; i--) {
            if (open.get(i).normalName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean tag() {
        int n = html.length();
        boolean closing = at + 1 < n && html.charAt(at + 1) == '/';
        int start = closing ? at + 2 : at + 1;
        int end = start;
        while (end < n && isNameChar(html.charAt(end), false)) {
            end++;
        }
        if (end == start || end >= n) {
            return false;
        }
        String name = html.substring(start, end);
        if (!ELEMENTS.contains(name)) {
            return false;
        }
        if (closing) {
            if (html.charAt(end) != '>' || open.size() == 1 || !current().normalName().equals(name)) {
                return false;
            }
            open.remove(open.size() - 1);
            at = end + 1;
            return true;
        }
        if (!mayStart(name)) {
            return false;
        }
        Attributes attributes = new Attributes();
        at = end;
        boolean selfClosing = false;
        while (true) {
            if (at >= n) {
                return false;
            }
            char c = html.charAt(at);
            if (c == '>') {
                at++;
                break;
            }
            if (c == ' ' && at + 2 < n && html.charAt(at + 1) == '/' && html.charAt(at + 2) == '>') {
                selfClosing = true;
                at += 3;
                break;
            }
            if (c != ' ' || !attribute(attributes)) {
                return false;
            }
        }
        boolean isVoid = VOID.contains(name);
        if (selfClosing != isVoid) {
            return false;
        }
        Element element = new Element(name);
        element.attributes().addAll(attributes);
        current().appendChild(element);
        if (!isVoid) {
            open.add(element);
        }
        return true;
    }

    /** Refuses what jsoup's tree builder would not simply nest: it closes, moves or wraps those elements. */
    private boolean mayStart(String name) {
        String parent = current().normalName();
        if (BLOCKS.contains(name) && isOpen("p")) {
            return false;
        }
        if (name.equals("a") && isOpen("a")) {
            return false;
        }
        return switch (parent) {
            case "table" -> name.equals("thead") || name.equals("tbody");
            case "thead", "tbody" -> name.equals("tr");
            case "tr" -> name.equals("th") || name.equals("td");
            case "pre" -> name.equals("code");
            case "ul", "ol" -> true;
            case "h1", "h2", "h3", "h4", "h5", "h6" -> !HEADINGS.contains(name) && !name.equals("li") && !isTablePart(name);
            default -> !name.equals("li") && !isTablePart(name);
        };
    }

    private static boolean isTablePart(String name) {
        return name.equals("thead") || name.equals("tbody") || name.equals("tr") || name.equals("th") || name.equals("td");
    }

    /** One {@code name} or {@code name="value"} after a space; false for anything else. */
    private boolean attribute(Attributes attributes) {
        int n = html.length();
        int start = at + 1;
        int end = start;
        while (end < n && isNameChar(html.charAt(end), true)) {
            end++;
        }
        if (end == start || end >= n) {
            return false;
        }
        String key = html.substring(start, end);
        if (attributes.hasKey(key)) {
            return false;
        }
        if (html.charAt(end) != '=') {
            attributes.put(key, "");
            at = end;
            return true;
        }
        if (end + 1 >= n || html.charAt(end + 1) != '"') {
            return false;
        }
        int close = html.indexOf('"', end + 2);
        if (close < 0) {
            return false;
        }
        String value = decode(end + 2, close);
        if (value == null) {
            return false;
        }
        attributes.put(key, value);
        at = close + 1;
        return true;
    }

    private boolean text() {
        int end = html.indexOf('<', at);
        if (end < 0) {
            end = html.length();
        }
        String text = decode(at, end);
        if (text == null) {
            return false;
        }
        String parent = current().normalName();
        if (parent.equals("pre") || (TABLE_PARTS.contains(parent) && !isLineBreaks(text))) {
            return false;
        }
        current().appendChild(new TextNode(text));
        at = end;
        return true;
    }

    /**
     * The text between two offsets with commonmark's four entities decoded; null if it holds another entity,
     * a stray {@code <} or {@code >}, or a control character that jsoup's parser would treat differently.
     */
    private String decode(int from, int to) {
        StringBuilder out = null;
        int copied = from;
        for (int i = from; i < to; i++) {
            char c = html.charAt(i);
            if (c == '&') {
                String entity;
                char decoded;
                if (html.startsWith("&amp;", i)) {
                    entity = "&amp;";
                    decoded = '&';
                } else if (html.startsWith("&lt;", i)) {
                    entity = "&lt;";
                    decoded = '<';
                } else if (html.startsWith("&gt;", i)) {
                    entity = "&gt;";
                    decoded = '>';
                } else if (html.startsWith("&quot;", i)) {
                    entity = "&quot;";
                    decoded = '"';
                } else {
                    return null;
                }
                if (i + entity.length() > to) {
                    return null;
                }
                if (out == null) {
                    out = new StringBuilder(to - from);
                }
                out.append(html, copied, i).append(decoded);
                i += entity.length() - 1;
                copied = i + 1;
            } else if (c == '<' || c == '>' || (c < ' ' && c != '\n' && c != '\t')) {
                return null;
            }
        }
        return out == null ? html.substring(from, to) : out.append(html, copied, to).toString();
    }

    private static boolean isLineBreaks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c, boolean attribute) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (attribute && c == '-');
    }
}
