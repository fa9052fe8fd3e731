package org.broadsheet.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Removes from HTML everything that could run script or break the page: script and style elements,
 * event-handler attributes, {@code javascript:} and other non-web URLs. Everything an author or an
 * import supplies as HTML passes through here before it is stored.
 */
@Component
public class HtmlSanitizer {

    /** A base that no link points to, so that relative links can be checked and are kept as written. */
    static final String BASE_URI = "https://base.invalid/";

    private final Safelist safelist = Safelist.relaxed()
            .addTags("section", "figure", "figcaption", "hr", "del", "ins", "abbr", "mark", "small", "aside")
            .addAttributes(":all", "id", "class", "lang", "dir", "title")
            .addAttributes("a", "aria-label", "rel", "role")
            .addAttributes("section", "aria-label", "role")
            .addAttributes("sup", "aria-label")
            .addAttributes("img", "srcset", "sizes", "loading", "decoding")
            .addAttributes("th", "scope", "align")
            .addAttributes("td", "align")
            .addAttributes("ol", "start", "reversed")
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .addProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(true);

    /** Sanitises a fragment of body HTML. */
    public String sanitize(String html) {
        return cleaned(html).body().html();
    }

    /** The sanitised fragment as a tree (in the body), for a caller that goes on to change it: no second parse. */
    Document cleaned(String html) {
        return cleaned(Jsoup.parseBodyFragment(html, BASE_URI));
    }

    /**
     * The sanitised copy of a fragment parsed into the body of a document whose base URI is {@link #BASE_URI}
     * (relative links are checked against it and kept relative).
     */
    Document cleaned(Document dirty) {
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }
}
