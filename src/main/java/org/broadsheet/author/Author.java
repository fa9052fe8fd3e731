package org.broadsheet.author;

import java.util.List;

import org.broadsheet.media.Image;

/**
 * An author as pages show them: byline, bio box, author page.
 *
 * @param bioHtml the bio rendered from Markdown and sanitised
 * @param photo   portrait, or null
 */
public record Author(long id, String slug, String name, String credentials, String affiliation, String bioHtml,
                     Image photo, List<Link> links) {

    public record Link(String label, String url) {
    }

    public String url() {
        return "/author/" + slug + "/";
    }
}
