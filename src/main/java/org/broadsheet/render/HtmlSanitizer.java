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
        Document dirty = Jsoup.parseBodyFragment(html, "https://base.invalid/");
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean;
    }
}
