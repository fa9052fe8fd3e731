package org.broadsheet.newsroom;

import java.util.List;

/** The pages that manage sections and tags. */
public final class TaxonomyPages {

    private TaxonomyPages() {
    }

    public record Sections(List<SectionRow> sections, List<Option> parents, String notice, String error) {
    }

    public record SectionRow(long id, String name, String slug, String path, String description, String parentId,
                             int depth, String url) {
    }

    public record Tags(List<TagRow> tags, String notice, String error) {
    }

    public record TagRow(long id, String name, String slug, long articles, String url) {
    }
}
