package org.broadsheet.migrate;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * An article's rendered HTML with its footnotes and galleries written in the block editor's forms, which
 * WordPress shows as footnotes and galleries and which our import reads back as such. Rendered as they are,
 * notes would be a list under a "Notes" heading that links to anchors of this site, and a gallery one
 * figure of loose images.
 * <ul>
 * <li>Footnotes: each reference becomes {@code <sup data-fn="ID" class="fn"><a href="#ID" id="ID-link">1</a></sup>},
 * the notes go to the {@code footnotes} post meta as JSON ({@code [{"id":…,"content":…}]}), and the list
 * becomes the footnotes block, which WordPress fills from the meta.</li>
 * <li>Galleries ({@code figure.gallery}): a gallery block holding an image block per image, naming the
 * attachment ({@code wp-image-N}) where the image is one of the export's.</li>
 * </ul>
 */
final class BlockEditorMarkup {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Evaluator NOTES = QueryParser.parse("section.footnotes");
    private static final Evaluator NOTE_REFERENCES = QueryParser.parse("sup.footnote-ref");
    private static final Evaluator GALLERIES = QueryParser.parse("figure.gallery");

    /** The body, and the {@code footnotes} meta (null when the article has no notes). */
    record Written(String html, String footnotesMeta) {
    }

    private BlockEditorMarkup() {
    }

    /**
     * @param html          the article's rendered HTML, addresses already absolute
     * @param articleId     makes the notes' ids, the same at every export of the article
     * @param attachmentIds the export's attachment post id by the attachment's address
     */
    static Written of(String html, long articleId, Map<String, Long> attachmentIds) {
        if (html == null || !(html.contains("footnote") || html.contains("gallery"))) {
            return new Written(html, null);
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        String meta = footnotes(doc, articleId);
        for (Element gallery : doc.select(GALLERIES)) {
            gallery(gallery, attachmentIds);
        }
        return new Written(doc.body().html(), meta);
    }

    private static String footnotes(Document doc, long articleId) {
        Element list = doc.selectFirst(NOTES);
        if (list == null) {
            return null;
        }
        ArrayNode meta = JSON.createArrayNode();
        Map<String, String> idByAnchor = new HashMap<>();
        for (Element li : list.select("li[id]")) {
            String id = UUID.nameUUIDFromBytes(("article " + articleId + " " + li.id()).getBytes(StandardCharsets.UTF_8)).toString();
            idByAnchor.put(li.id(), id);
            meta.addObject().put("content", noteText(li)).put("id", id);
        }
        for (Element ref : doc.select(NOTE_REFERENCES)) {
            Element link = ref.selectFirst("a[href^=#]");
            String id = link == null ? null : idByAnchor.get(link.attr("href").substring(1));
            if (id == null) {
                continue;
            }
            Element fn = new Element("sup").attr("data-fn", id).addClass("fn");
            fn.appendElement("a").attr("href", "#" + id).attr("id", id + "-link").text(link.text());
            ref.replaceWith(fn);
        }
        list.replaceWith(new Comment(" wp:footnotes /"));
        return meta.isEmpty() ? null : JSON.writeValueAsString(meta);
    }

    /** A note's text without its back-link; a note of one paragraph without the paragraph, as the editor keeps it. */
    private static String noteText(Element li) {
        Element note = li.clone();
        note.select("a.footnote-backref").remove();
        List<Element> children = note.children();
        if (children.size() == 1 && "p".equals(children.get(0).normalName()) && note.ownText().isBlank()) {
            return children.get(0).html().strip();
        }
        return note.html().strip();
    }

    private static void gallery(Element figure, Map<String, Long> attachmentIds) {
        Element block = new Element("figure").addClass("wp-block-gallery").addClass("has-nested-images")
                .addClass("columns-default").addClass("is-cropped");
        for (Element img : figure.select("img[src]")) {
            Long id = attachmentIds.get(img.attr("src"));
            Element image = new Element("figure").addClass("wp-block-image").addClass("size-large");
            Element copy = image.appendElement("img").attr("src", img.attr("src")).attr("alt", img.attr("alt"));
            if (id != null) {
                copy.addClass("wp-image-" + id);
            }
            String attributes = (id == null ? "" : "\"id\":" + id + ",") + "\"sizeSlug\":\"large\",\"linkDestination\":\"none\"";
            block.appendChild(new Comment(" wp:image {" + attributes + "} "));
            block.appendChild(image);
            block.appendChild(new Comment(" /wp:image "));
        }
        Element caption = figure.selectFirst("figcaption");
        if (caption != null) {
            block.appendElement("figcaption").addClass("blocks-gallery-caption").addClass("wp-element-caption").html(caption.html());
        }
        figure.before(new Comment(" wp:gallery {\"linkTo\":\"none\"} "));
        figure.after(new Comment(" /wp:gallery "));
        figure.replaceWith(block);
    }
}
