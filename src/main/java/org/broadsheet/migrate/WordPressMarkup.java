package org.broadsheet.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Undoes what WordPress does to a post between the database and the reader: strips block-editor comments,
 * expands the shortcodes Broadsheet understands into plain HTML, collects footnotes written with the
 * common plugins' shortcodes, and adds the automatic paragraphs of the classic editor ({@code wpautop}).
 * The result is HTML that {@link MarkdownWriter} can turn into Markdown.
 */
final class WordPressMarkup {

    /** Footnote shortcodes of the common plugins: Simple Footnotes, Footnotes Made Easy, easy-footnotes, … */
    private static final Set<String> NOTE_SHORTCODES = Set.of("ref", "footnote", "efn_note", "fn", "note");
    private static final Set<String> KNOWN = Set.of("caption", "wp_caption", "gallery", "embed", "audio", "video");

    private static final Pattern BLOCK_COMMENT = Pattern.compile("<!--\\s*/?wp:.*?-->", Pattern.DOTALL);
    private static final Pattern SHORTCODE_OPEN = Pattern.compile("\\[([a-zA-Z][a-zA-Z0-9_-]*)((?:\\s+[^\\]]*)?)(/?)\\]");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z0-9_-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"']+))");
    private static final String BLOCKS = "table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
            + "|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup"
            + "|header|footer|nav|figure|figcaption|details|menu|summary|iframe|video|audio|object|script|noscript";
    private static final Pattern BLOCK_START = Pattern.compile("^</?(?:" + BLOCKS + ")[\\s/>]", Pattern.CASE_INSENSITIVE);
    /** The names of {@link #BLOCKS}, lower case, for {@link #blocksApart}. */
    private static final Set<String> BLOCK_NAMES = blockNames();
    private static final Pattern BLANK_LINE = Pattern.compile("\n\\s*\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\n\\s*");
    private static final Pattern PRE = Pattern.compile("<pre[\\s>].*?</pre>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    /** The prepared HTML, the footnotes found in shortcodes (as HTML, in order), unknown shortcodes by name. */
    record Prepared(String html, List<String> notes, Set<String> unknownShortcodes, boolean blockEditor) {
    }

    static Prepared prepare(String content) {
        String text = content == null ? "" : content.replace("\r\n", "\n").replace('\r', '\n');
        boolean blocks = text.contains("<!-- wp:");
        if (text.contains("<!--")) {
            text = BLOCK_COMMENT.matcher(text).replaceAll("");
        }
        List<String> notes = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        text = shortcodes(text, notes, unknown);
        if (!blocks) {
            text = autop(text);
        }
        return new Prepared(text, notes, unknown, blocks);
    }

    /** Expands shortcodes left to right; an unknown one is kept as typed, so that readers still see it. */
    static String shortcodes(String text, List<String> notes, Set<String> unknown) {
        if (text.indexOf('[') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        Matcher m = SHORTCODE_OPEN.matcher(text);
        while (at < text.length() && m.find(at)) {
            // [[name]] is WordPress's way of writing a shortcode literally.
            if (m.start() > 0 && text.charAt(m.start() - 1) == '[' && m.end() < text.length() && text.charAt(m.end()) == ']') {
                out.append(text, at, m.start() - 1).append(text, m.start(), m.end());
                at = m.end() + 1;
                continue;
            }
            String name = m.group(1);
            String lower = name.toLowerCase(Locale.ROOT);
            Map<String, String> attributes = attributes(m.group(2));
            boolean selfClosing = !m.group(3).isEmpty();
            String inner = null;
            int end = m.end();
            if (!selfClosing) {
                int close = indexOfIgnoreCase(text, "[/" + name + "]", m.end());
                if (close >= 0) {
                    inner = text.substring(m.end(), close);
                    end = close + name.length() + 3;
                }
            }
            out.append(text, at, m.start());
            if (NOTE_SHORTCODES.contains(lower) && inner != null) {
                notes.add(shortcodes(inner, notes, unknown));
                out.append("<sup data-bs-note=\"").append(notes.size()).append("\"></sup>");
                at = end;
            } else if (KNOWN.contains(lower)) {
                out.append(expand(lower, attributes, inner == null ? null : shortcodes(inner, notes, unknown)));
                at = end;
            } else {
                if (looksLikeShortcode(m.group(2), inner)) {
                    unknown.add(name);
                }
                out.append(text, m.start(), m.end());
                at = m.end();
            }
        }
        out.append(text, Math.min(at, text.length()), text.length());
        return out.toString();
    }

    /** "[sic]" and "[1]" are prose; a shortcode has attributes, a closing tag, or a name with - or _. */
    private static boolean looksLikeShortcode(String attributes, String inner) {
        return inner != null || !attributes.isBlank();
    }

    private static String expand(String name, Map<String, String> a, String inner) {
        switch (name) {
            case "caption":
            case "wp_caption": {
                String body = inner == null ? "" : inner.strip();
                // The caption is the text after the image (or the link around it); older posts put it in an attribute.
                String lower = body.toLowerCase(Locale.ROOT);
                int imgEnd = lower.startsWith("<a") && lower.contains("</a>") ? lower.indexOf("</a>") + 4
                        : lower.startsWith("<img") ? lower.indexOf('>') + 1 : 0;
                String media = imgEnd > 0 ? body.substring(0, imgEnd) : body;
                String caption = imgEnd > 0 ? body.substring(imgEnd).strip() : "";
                if (caption.isEmpty() && a.containsKey("caption")) {
                    caption = HtmlUtils.htmlEscape(a.get("caption"));
                }
                return "\n\n<figure class=\"wp-caption\">" + media
                        + (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>\n\n";
            }
            case "gallery":
                return "\n\n<div class=\"bs-gallery\" data-ids=\"" + HtmlUtils.htmlEscape(a.getOrDefault("ids",
                        a.getOrDefault("include", ""))) + "\"></div>\n\n";
            case "embed": {
                String url = inner == null ? a.getOrDefault("src", "") : inner.strip();
                return link(url);
            }
            default: {
                String url = a.getOrDefault("src", a.getOrDefault("mp3", a.getOrDefault("mp4",
                        a.getOrDefault("m4a", a.getOrDefault("ogg", a.getOrDefault("webm", ""))))));
                return link(url);
            }
        }
    }

    private static String link(String url) {
        if (url.isBlank()) {
            return "";
        }
        String escaped = HtmlUtils.htmlEscape(url.strip());
        return "\n\n<p><a href=\"" + escaped + "\">" + escaped + "</a></p>\n\n";
    }

    static Map<String, String> attributes(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(raw == null ? "" : raw);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            out.put(m.group(1).toLowerCase(Locale.ROOT), v);
        }
        return out;
    }

    /**
     * A blank line before each opening tag of a block element ({@code <p>}, {@code <div class>}, {@code <hr/>})
     * and after each closing one, so that blocks stand alone when the text is split at blank lines. What
     * {@code (<(?:BLOCKS)[\\s/>])} → {@code \n\n$1} and then {@code (</(?:BLOCKS)>)} → {@code $1\n\n}, both
     * ignoring ASCII case, do, in one pass over the text instead of two regular expressions that try dozens
     * of names at every {@code <}.
     */
    static String blocksApart(CharSequence text) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n + 64);
        int copied = 0;
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '<') {
                continue;
            }
            boolean closing = i + 1 < n && text.charAt(i + 1) == '/';
            int start = closing ? i + 2 : i + 1;
            int end = start;
            while (end < n && isAsciiLetterOrDigit(text.charAt(end))) {
                end++;
            }
            if (end == start || end >= n || !BLOCK_NAMES.contains(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT))) {
                continue;
            }
            char after = text.charAt(end);
            if (closing && after == '>') {
                out.append(text, copied, end + 1).append("\n\n");
            } else if (!closing && (after == '/' || after == '>' || isRegexSpace(after))) {
                out.append(text, copied, i).append("\n\n").append(text, i, end + 1);
            } else {
                continue;
            }
            copied = end + 1;
            i = end;
        }
        return out.append(text, copied, n).toString();
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@code \\s} of a regular expression without Unicode classes. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static Set<String> blockNames() {
        Set<String> names = new java.util.HashSet<>();
        for (String name : BLOCKS.split("\\|")) {
            if (name.equals("h[1-6]")) {
                for (int level = 1; level <= 6; level++) {
                    names.add("h" + level);
                }
            } else {
                names.add(name);
            }
        }
        return Set.copyOf(names);
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        int n = needle.length();
        for (int i = text.indexOf('[', from); i >= 0 && i + n <= text.length(); i = text.indexOf('[', i + 1)) {
            if (text.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The classic editor's automatic paragraphs, simplified from WordPress's {@code wpautop}: blank lines
     * separate paragraphs, a single line break inside a paragraph is a {@code <br>}, block elements stand
     * alone, and {@code <pre>} is left as it is.
     */
    static String autop(String text) {
        if (text.isBlank()) {
            return "";
        }
        List<String> pres = new ArrayList<>();
        Matcher pre = PRE.matcher(text);
        StringBuilder protectedText = new StringBuilder();
        int last = 0;
        while (pre.find()) {
            protectedText.append(text, last, pre.start()).append("\n\n<pre-bs-").append(pres.size()).append(">\n\n");
            pres.add(pre.group());
            last = pre.end();
        }
        protectedText.append(text.substring(last));
        String s = blocksApart(protectedText);
        StringBuilder out = new StringBuilder();
        for (String chunk : BLANK_LINE.split(s)) {
            String c = chunk.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (BLOCK_START.matcher(c).find() || c.startsWith("<pre-bs-")) {
                out.append(c).append('\n');
            } else {
                out.append("<p>").append(LINE_BREAK.matcher(c).replaceAll("<br>\n")).append("</p>\n");
            }
        }
        String result = out.toString();
        for (int i = 0; i < pres.size(); i++) {
            result = result.replace("<pre-bs-" + i + ">", pres.get(i));
        }
        return result;
    }
}
