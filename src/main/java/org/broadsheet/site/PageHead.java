package org.broadsheet.site;

import java.util.List;

/**
 * What goes in a page's {@code <head>} besides the stylesheet: title, description, canonical address,
 * language, OpenGraph, JSON-LD, translations and feeds.
 *
 * @param canonicalUrl absolute address of the page, or of the original for syndicated pieces
 * @param jsonLd       structured data as JSON, or empty
 * @param imageUrl     absolute address of the page's image for OpenGraph, or empty
 */
public record PageHead(String title, String description, String canonicalUrl, String lang, String ogType,
                       String imageUrl, String jsonLd, List<Alternate> alternates, List<Feed> feeds, boolean noindex) {

    /** A translation of this page: {@code <link rel="alternate" hreflang=…>}. */
    public record Alternate(String hreflang, String href) {
    }

    /** A feed of this page's articles, for autodiscovery. */
    public record Feed(String title, String href, String type) {
    }

    public static PageHead simple(String title, String description, String canonicalUrl, String lang) {
        return new PageHead(title, description, canonicalUrl, lang, "website", "", "", List.of(), List.of(), false);
    }

    public PageHead withFeeds(List<Feed> moreFeeds) {
        return new PageHead(title, description, canonicalUrl, lang, ogType, imageUrl, jsonLd, alternates, moreFeeds, noindex);
    }

    public PageHead withNoindex() {
        return new PageHead(title, description, canonicalUrl, lang, ogType, imageUrl, jsonLd, alternates, feeds, true);
    }

    /** JSON-LD made safe to sit inside a script element: no "</" can close it early. */
    public String jsonLdForScript() {
        return jsonLd.replace("</", "<\\/").replace("<!--", "<\\!--");
    }
}
