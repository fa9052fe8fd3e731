package org.broadsheet.migrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a WordPress post body into Broadsheet Markdown: block-editor comments stripped, automatic
 * paragraphs made explicit, shortcodes expanded, and footnotes — the block editor's ({@code <sup data-fn>}
 * with the {@code footnotes} post meta), the plugins' shortcodes and Broadsheet's own rendered ones — made real
 * Markdown footnotes.
 * Thread-safe: holds no state between calls.
 */
final class ContentConverter {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Parsed once: a selector given as a string is parsed again at every call, i.e. for every post.
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\s*\n\\s*\n\\s*");
    private static final Evaluator NOTE_REFERENCES = QueryParser.parse("sup[data-fn]");
    private static final Evaluator RENDERED_NOTES = QueryParser.parse("ol.wp-block-footnotes");
    private static final Evaluator RENDERED_MARKDOWN_NOTES = QueryParser.parse("section.footnotes");
    private static final Evaluator MARKDOWN_NOTE_REFERENCES = QueryParser.parse("sup.footnote-ref");
    private static final Evaluator IMAGES = QueryParser.parse("img[src]");
    private static final Evaluator LINKS = QueryParser.parse("a[href]");

    /** What came out, and what the report should mention. */
    record Converted(String markdown, Set<String> unknownShortcodes, List<String> warnings, boolean unresolved) {
    }

    /**
     * Finds addresses during conversion.
     *
     * @see #convert
     */
    interface Links {
        /** The address of a WordPress attachment by id, or null when not (yet) known. */
        String attachment(String wpId);

        /** Addresses of the images attached to the post, for a gallery that names none. */
        List<String> gallery();

        /** A new address for an image or file address of the old site (a copied upload), or null to keep it. */
        String localCopy(String url);
    }

    static final Links NO_LINKS = new Links() {
        @Override
        public String attachment(String wpId) {
            return null;
        }

        @Override
        public List<String> gallery() {
            return List.of();
        }

        @Override
        public String localCopy(String url) {
            return null;
        }
    };

    /**
     * @param html          the post's {@code content:encoded}
     * @param footnotesMeta the block editor's {@code footnotes} post meta (JSON), or null
     */
    static Converted convert(String html, String footnotesMeta, Links links) {
        WordPressMarkup.Prepared prepared = WordPressMarkup.prepare(html);
        List<String> warnings = new ArrayList<>();
        Document doc = Jsoup.parseBodyFragment(prepared.html());
        List<String> notes = new ArrayList<>(prepared.notes());
        blockEditorNotes(doc, footnotesMeta, notes, warnings);
        renderedNotes(doc, notes);
        rewriteUploads(doc, links);
        MarkdownWriter writer = new MarkdownWriter(links);
        StringBuilder md = new StringBuilder(writer.blocks(doc.body()));
        for (int i = 0; i < notes.size(); i++) {
            Document note = Jsoup.parseBodyFragment(WordPressMarkup.autop(notes.get(i)));
            String text = new MarkdownWriter(links).blocks(note.body());
            text = PARAGRAPH_BREAK.matcher(text).replaceAll(" ")
                    .replace("\n", "\n    ");
            md.append(i == 0 ? "\n\n" : "\n").append("[^").append(i + 1).append("]: ").append(text.isBlank() ? " " : text);
        }
        return new Converted(md.toString().strip() + "\n", prepared.unknownShortcodes(), warnings, writer.unresolved());
    }

    /**
     * The block editor writes {@code <sup data-fn="uuid" class="fn"><a href="#uuid">1</a></sup>} in the body
     * and the notes in the {@code footnotes} meta as JSON; a rendered {@code ol.wp-block-footnotes} may hold
     * them too.
     */
    private static void blockEditorNotes(Document doc, String meta, List<String> notes, List<String> warnings) {
        List<Element> refs = doc.select(NOTE_REFERENCES);
        Element renderedList = doc.selectFirst(RENDERED_NOTES);
        if (refs.isEmpty()) {
            return;
        }
        Map<String, String> byId = new LinkedHashMap<>();
        if (meta != null && !meta.isBlank()) {
            try {
                JsonNode array = JSON.readTree(meta);
                for (JsonNode n : array) {
                    byId.put(n.path("id").asString(""), n.path("content").asString(""));
                }
            } catch (RuntimeException e) {
                warnings.add("footnotes meta is not valid JSON; notes taken from the text where possible");
            }
        }
        if (renderedList != null) {
            for (Element li : renderedList.select("li[id]")) {
                li.select("a[href^=#][href$=-link]").remove();
                byId.putIfAbsent(li.id(), li.html());
            }
            renderedList.remove();
        }
        // A note referred to twice is one note, with two references to it.
        Map<String, Integer> numberById = new HashMap<>();
        for (Element ref : refs) {
            String id = ref.attr("data-fn");
            Integer number = numberById.get(id);
            if (number == null) {
                String content = byId.get(id);
                if (content == null) {
                    warnings.add("footnote " + ref.text() + " has no text in the export; its number is kept");
                    ref.replaceWith(new Element("sup").text(ref.text()));
                    continue;
                }
                notes.add(content);
                number = notes.size();
                numberById.put(id, number);
            }
            ref.replaceWith(new Element("sup").attr("data-bs-note", String.valueOf(number)));
        }
    }

    /**
     * Footnotes as Broadsheet renders them ({@code <sup class="footnote-ref"><a href="#fn-1">} and a
     * {@code section.footnotes} list), which a WXR file written by an earlier Broadsheet holds: without this they
     * would come back as links to anchors that no longer exist and a "Notes" list.
     */
    private static void renderedNotes(Document doc, List<String> notes) {
        Element list = doc.selectFirst(RENDERED_MARKDOWN_NOTES);
        if (list == null) {
            return;
        }
        Map<String, Element> byAnchor = new HashMap<>();
        list.select("li[id]").forEach(li -> byAnchor.put(li.id(), li));
        Map<String, Integer> numberByAnchor = new HashMap<>();
        for (Element ref : doc.select(MARKDOWN_NOTE_REFERENCES)) {
            Element link = ref.selectFirst("a[href^=#]");
            String anchor = link == null ? "" : link.attr("href").substring(1);
            Element li = byAnchor.get(anchor);
            if (li == null) {
                continue;
            }
            Integer number = numberByAnchor.get(anchor);
            if (number == null) {
                Element note = li.clone();
                note.select("a.footnote-backref").remove();
                notes.add(note.html());
                number = notes.size();
                numberByAnchor.put(anchor, number);
            }
            ref.replaceWith(new Element("sup").attr("data-bs-note", String.valueOf(number)));
        }
        // A list that no reference named is text of the post, kept as it is.
        if (!numberByAnchor.isEmpty()) {
            list.remove();
        }
    }

    private static void rewriteUploads(Document doc, Links links) {
        for (Element img : doc.select(IMAGES)) {
            String local = links.localCopy(img.attr("src"));
            if (local != null) {
                img.attr("src", local).removeAttr("srcset").removeAttr("sizes");
            }
        }
        for (Element a : doc.select(LINKS)) {
            String local = links.localCopy(a.attr("href"));
            if (local != null) {
                a.attr("href", local);
            }
        }
    }
}
