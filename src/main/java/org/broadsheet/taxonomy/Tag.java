package org.broadsheet.taxonomy;

/** A tag: a topic that cuts across sections. */
public record Tag(long id, String slug, String name) {

    public String url() {
        return "/tag/" + slug + "/";
    }
}
