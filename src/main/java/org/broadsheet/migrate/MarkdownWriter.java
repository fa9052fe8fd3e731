package org.broadsheet.migrate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Writes a parsed HTML body as Broadsheet Markdown (CommonMark with footnotes). Paragraphs, headings, lists,
 * block quotes, code, links, images, emphasis and footnote references become Markdown; tables, figures and
 * anything else without a Markdown form stay as HTML blocks, which the renderer passes through and
 * sanitises, so that nothing is lost. Scripts and styles are dropped.
 */
final class MarkdownWriter {

    private static final Set<String> CONTAINERS = Set.of("body", "div", "section", "article", "main", "header",
            "footer", "aside", "nav", "center", "span", "font", "form", "fieldset", "hgroup");
    private static final Set<String> KEPT_AS_HTML = Set.of("table", "figure", "dl", "details", "address");
    private static final Set<String> KEPT_INLINE = Set.of("sub", "sup", "del", "ins", "s", "strike", "u", "mark",
            "small", "abbr", "cite", "q", "kbd", "var", "samp", "big", "dfn", "time");
    private static final Set<String> DROPPED = Set.of("script", "style", "noscript", "template", "link", "meta",
            "button", "input", "select", "textarea", "svg", "canvas");
    private static final Set<String> EMBEDS = Set.of("iframe", "video", "audio", "object", "embed", "source");
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul",
            "ol", "pre", "hr", "table", "figure", "dl", "details", "address", "div", "section", "article", "main",
            "header", "footer", "aside", "nav", "center", "form", "fieldset", "hgroup", "iframe", "video", "audio",
            "object", "embed", "li", "figcaption");
    private static final Pattern ENTITY_LIKE = Pattern.compile("&(?=#?[a-zA-Z0-9]+;)");
    // Selectors parsed once, not at every call.
    private static final Evaluator CAPTION_OR_EMBED = QueryParser.parse("figcaption, table, iframe, video, audio");
    private static final Evaluator IMAGE = QueryParser.parse("img");
    private static final Evaluator IMAGE_WITH_SOURCE = QueryParser.parse("img[src]");
    private static final Evaluator LINKED_IMAGE = QueryParser.parse("a img");
    private static final Evaluator CODE_WITH_LANGUAGE = QueryParser.parse("code[class*=language-]");
    private static final Evaluator NOTE_MARKS = QueryParser.parse("sup[data-bs-note]");
    private static final Evaluator SCRIPTS = QueryParser.parse("script, style, noscript, template");
    private static final Evaluator SOURCE = QueryParser.parse("source[src]");
    private static final Pattern LINE_START = Pattern.compile("^(\\s*)([#>+=|-]|\\d+[.)])");
    // Compiled once: String.replaceAll and matches compile their pattern on every call, for every text node.
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    private static final Pattern BLANK_LINES = Pattern.compile("\n\\s*\n");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[ \\t\\r\\n]+");

    /** Finds the images of a gallery. */
    private final ContentConverter.Links links;
    private boolean unresolved;

    MarkdownWriter(ContentConverter.Links links) {
        this.links = links;
    }

    /** True when a gallery named an attachment the resolver did not know. */
    boolean unresolved() {
        return unresolved;
    }

    String blocks(Element parent) {
        StringBuilder out = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        for (Node node : parent.childNodes()) {
            if (node instanceof Element e && isBlock(e)) {
                flushParagraph(inline, out);
                block(e, out);
            } else {
                inline(node, inline);
            }
        }
        flushParagraph(inline, out);
        return out.toString().strip();
    }

    private boolean isBlock(Element e) {
        String tag = e.normalName();
        if (BLOCKS.contains(tag)) {
            return !"span".equals(tag);
        }
        if ("img".equals(tag)) {
            return false;
        }
        // An inline container holding blocks (a <span> or <a> around paragraphs) is treated as a block.
        return CONTAINERS.contains(tag) && e.children().stream().anyMatch(this::isBlock);
    }

    private void flushParagraph(StringBuilder inline, StringBuilder out) {
        String text = inline.toString().strip();
        inline.setLength(0);
        while (text.endsWith("\\")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (!text.isEmpty()) {
            paragraph(escapeLineStart(text), out);
        }
    }

    private static void paragraph(String text, StringBuilder out) {
        out.append(text).append("\n\n");
    }

    private void block(Element e, StringBuilder out) {
        String tag = e.normalName();
        if (DROPPED.contains(tag)) {
            return;
        }
        if (HEADING.matcher(tag).matches()) {
            String text = inlineOf(e).replace("\\\n", " ").replace('\n', ' ').strip();
            if (!text.isEmpty()) {
                paragraph("#".repeat(tag.charAt(1) - '0') + " " + text, out);
            }
            return;
        }
        switch (tag) {
            case "p", "figcaption" -> {
                String text = inlineOf(e);
                if (!text.isBlank()) {
                    paragraph(escapeLineStart(text), out);
                }
            }
            case "blockquote" -> {
                String inner = blocks(e);
                if (!inner.isBlank()) {
                    paragraph(prefixLines(inner, "> ", "> "), out);
                }
            }
            case "ul", "ol" -> list(e, out);
            case "li" -> {
                String inner = blocks(e);
                if (!inner.isBlank()) {
                    paragraph(prefixLines(inner, "- ", "  "), out);
                }
            }
            case "pre" -> code(e, out);
            case "hr" -> paragraph("---", out);
            case "iframe", "video", "audio", "object", "embed" -> {
                String link = embedLink(e);
                if (!link.isEmpty()) {
                    paragraph(link, out);
                }
            }
            default -> {
                if ("div".equals(tag) && e.hasClass("bs-gallery")) {
                    gallery(e, out);
                } else if ("figure".equals(tag) && isPlainGallery(e)) {
                    galleryOfImages(e, out);
                } else if (KEPT_AS_HTML.contains(tag)) {
                    if ("figure".equals(tag) && e.selectFirst(CAPTION_OR_EMBED) == null
                            && e.selectFirst(IMAGE) != null) {
                        String text = inlineOf(e);
                        if (!text.isBlank()) {
                            paragraph(text, out);
                        }
                    } else {
                        html(e, out);
                    }
                } else {
                    String inner = blocks(e);
                    if (!inner.isBlank()) {
                        paragraph(inner, out);
                    }
                }
            }
        }
    }

    private void list(Element e, StringBuilder out) {
        boolean ordered = "ol".equals(e.normalName());
        int number = 1;
        if (ordered && e.hasAttr("start")) {
            try {
                number = Integer.parseInt(e.attr("start").strip());
            } catch (NumberFormatException ignored) {
                number = 1;
            }
        }
        StringBuilder items = new StringBuilder();
        for (Element li : e.children()) {
            if (!"li".equals(li.normalName())) {
                continue;
            }
            String marker = ordered ? (number++) + ". " : "- ";
            String inner = blocks(li);
            if (inner.isEmpty()) {
                inner = " ";
            }
            boolean loose = inner.contains("\n\n");
            items.append(prefixLines(inner, marker, " ".repeat(marker.length()))).append(loose ? "\n\n" : "\n");
        }
        if (items.length() > 0) {
            paragraph(items.toString().stripTrailing(), out);
        }
    }

    private static void code(Element e, StringBuilder out) {
        String text = e.wholeText().replaceAll("^\n", "").stripTrailing();
        String fence = "```";
        while (text.contains(fence)) {
            fence += "`";
        }
        Element code = e.selectFirst(CODE_WITH_LANGUAGE);
        String language = code == null ? "" : code.className().replaceAll(".*language-([\\w+-]+).*", "$1");
        paragraph(fence + language + "\n" + text + "\n" + fence, out);
    }

    private void gallery(Element e, StringBuilder out) {
        List<String> urls = new ArrayList<>();
        if (e.attr("data-ids").isBlank()) {
            urls.addAll(links.gallery());
        } else {
            for (String id : e.attr("data-ids").split("\\s*,\\s*")) {
                String url = id.isBlank() ? null : links.attachment(id.strip());
                if (url != null) {
                    urls.add(url);
                } else if (!id.isBlank()) {
                    unresolved = true;
                }
            }
        }
        if (urls.isEmpty()) {
            unresolved = true;
        }
        galleryFigure(urls, Collections.nCopies(urls.size(), ""), out);
    }

    /**
     * A block-editor gallery ({@code figure.wp-block-gallery}, which Broadsheet's export writes too) or a
     * Broadsheet gallery ({@code figure.gallery}) of bare images, read as a gallery: as a plain figure its images
     * would run together in one paragraph. One with captions, embeds or linked images stays HTML, so that
     * those are kept.
     */
    private static boolean isPlainGallery(Element e) {
        return (e.hasClass("wp-block-gallery") || e.hasClass("gallery")) && e.selectFirst(CAPTION_OR_EMBED) == null
                && e.selectFirst(IMAGE) != null && e.selectFirst(LINKED_IMAGE) == null;
    }

    private void galleryOfImages(Element e, StringBuilder out) {
        List<String> urls = new ArrayList<>();
        List<String> alts = new ArrayList<>();
        for (Element img : e.select(IMAGE_WITH_SOURCE)) {
            urls.add(img.attr("src"));
            alts.add(img.attr("alt"));
        }
        galleryFigure(urls, alts, out);
    }

    /** Broadsheet's gallery: a figure of images, which the renderer keeps as HTML. */
    private static void galleryFigure(List<String> urls, List<String> alts, StringBuilder out) {
        if (urls.isEmpty()) {
            return;
        }
        StringBuilder html = new StringBuilder("<figure class=\"gallery\">");
        for (int i = 0; i < urls.size(); i++) {
            html.append("<img src=\"").append(escapeAttribute(urls.get(i))).append("\" alt=\"")
                    .append(escapeAttribute(alts.get(i))).append("\">");
        }
        paragraph(html.append("</figure>").toString(), out);
    }

    private void html(Element e, StringBuilder out) {
        Element copy = e.clone();
        for (Element note : copy.select(NOTE_MARKS)) {
            // Markdown is not read inside an HTML block: the reference stays visible as its number.
            String number = note.attr("data-bs-note");
            note.removeAttr("data-bs-note").text("[" + number + "]");
        }
        copy.select(SCRIPTS).remove();
        String html = BLANK_LINES.matcher(copy.outerHtml()).replaceAll("\n");
        paragraph(html, out);
    }

    private String inlineOf(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, sb);
        }
        String text = sb.toString().strip();
        while (text.endsWith("\\")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    private void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode t) {
            String text = collapseWhitespace(t.getWholeText());
            if (out.length() == 0 || out.charAt(out.length() - 1) == '\n' || out.charAt(out.length() - 1) == ' ') {
                text = stripLeadingSpaces(text);
            }
            out.append(escape(text));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String tag = e.normalName();
        if (DROPPED.contains(tag)) {
            return;
        }
        switch (tag) {
            case "br" -> out.append("\\\n");
            case "strong", "b" -> wrap(e, "**", out);
            case "em", "i" -> wrap(e, "*", out);
            case "code", "tt" -> {
                String text = e.text();
                String fence = text.contains("`") ? "``" : "`";
                out.append(fence).append(text.startsWith("`") || text.endsWith("`") ? " " + text + " " : text).append(fence);
            }
            case "a" -> link(e, out);
            case "img" -> image(e, out);
            case "sup" -> {
                if (e.hasAttr("data-bs-note")) {
                    out.append("[^").append(e.attr("data-bs-note")).append("]");
                } else {
                    keptInline(e, out);
                }
            }
            default -> {
                if (EMBEDS.contains(tag)) {
                    out.append(embedLink(e));
                } else if (KEPT_INLINE.contains(tag)) {
                    keptInline(e, out);
                } else {
                    for (Node child : e.childNodes()) {
                        inline(child, out);
                    }
                    if (isBlockish(tag)) {
                        out.append(' ');
                    }
                }
            }
        }
    }

    /**
     * Each run of spaces, tabs and line breaks as one space. Most text nodes have none to collapse, and this
     * runs for every text node of every post: they are returned as they are, without a regular expression.
     */
    static String collapseWhitespace(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || (c == ' ' && i + 1 < n && isCollapsible(text.charAt(i + 1)))) {
                return WHITESPACE_RUN.matcher(text).replaceAll(" ");
            }
        }
        return text;
    }

    private static boolean isCollapsible(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static String stripLeadingSpaces(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return text.substring(i);
    }

    private static boolean isBlockish(String tag) {
        return BLOCKS.contains(tag) || "li".equals(tag);
    }

    private void wrap(Element e, String marker, StringBuilder out) {
        StringBuilder inner = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, inner);
        }
        String text = inner.toString();
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            out.append(text);
            return;
        }
        if (text.startsWith(" ")) {
            out.append(' ');
        }
        out.append(marker).append(trimmed).append(marker);
        if (text.endsWith(" ")) {
            out.append(' ');
        }
    }

    private void keptInline(Element e, StringBuilder out) {
        out.append('<').append(e.normalName());
        if (e.hasAttr("title")) {
            out.append(" title=\"").append(escapeAttribute(e.attr("title"))).append('"');
        }
        out.append('>');
        for (Node child : e.childNodes()) {
            inline(child, out);
        }
        out.append("</").append(e.normalName()).append('>');
    }

    private void link(Element e, StringBuilder out) {
        StringBuilder inner = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, inner);
        }
        String text = inner.toString().strip();
        String href = e.attr("href").strip();
        if (href.isEmpty()) {
            out.append(text);
            return;
        }
        if (text.isEmpty()) {
            text = escape(href);
        }
        out.append('[').append(text.replace("\\\n", " ")).append("](").append(destination(href));
        if (e.hasAttr("title") && !e.attr("title").isBlank()) {
            out.append(" \"").append(e.attr("title").replace("\"", "\\\"")).append('"');
        }
        out.append(')');
    }

    private static void image(Element e, StringBuilder out) {
        String src = e.attr("src").strip();
        if (src.isEmpty()) {
            return;
        }
        out.append("![").append(escape(e.attr("alt")).replace("\n", " ")).append("](").append(destination(src));
        if (e.hasAttr("title") && !e.attr("title").isBlank()) {
            out.append(" \"").append(e.attr("title").replace("\"", "\\\"")).append('"');
        }
        out.append(')');
    }

    private static String embedLink(Element e) {
        String src = e.attr("src");
        if (src.isBlank()) {
            Element source = e.selectFirst(SOURCE);
            src = source == null ? e.attr("data") : source.attr("src");
        }
        if (src.isBlank()) {
            return "";
        }
        String label = e.hasAttr("title") ? e.attr("title") : "Embedded " + ("iframe".equals(e.normalName()) ? "content" : e.normalName());
        return "[" + escape(label) + "](" + destination(src.strip()) + ")";
    }

    /** A link destination in angle brackets, which allows spaces and parentheses. */
    private static String destination(String url) {
        return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">";
    }

    /** Escapes text so that Markdown shows it as typed. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        // Only an ampersand can start what looks like an entity; most text has none.
        return out.indexOf("&") < 0 ? out.toString() : ENTITY_LIKE.matcher(out).replaceAll("\\\\&");
    }

    /** A paragraph (or a line after a hard break) that would start a heading, list or quote is escaped. */
    static String escapeLineStart(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            var m = LINE_START.matcher(line);
            if (m.find()) {
                String mark = m.group(2);
                String escaped = Character.isDigit(mark.charAt(0))
                        ? mark.substring(0, mark.length() - 1) + "\\" + mark.charAt(mark.length() - 1)
                        : "\\" + mark;
                line = m.group(1) + escaped + line.substring(m.end());
            }
            if (i > 0) {
                out.append('\n');
            }
            out.append(line);
        }
        return out.toString();
    }

    static String prefixLines(String text, String first, String rest) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String prefix = i == 0 ? first : rest;
            if (lines[i].isEmpty() && !rest.startsWith(">")) {
                out.append('\n');
                continue;
            }
            out.append(lines[i].isEmpty() ? prefix.stripTrailing() : prefix + lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String escapeAttribute(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
