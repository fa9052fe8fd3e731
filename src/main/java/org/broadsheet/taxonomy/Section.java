package org.broadsheet.taxonomy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A section of the journal. Sections nest: {@code trail} is the path from the top-level section down to
 * this one ("Opinion", "News").
 */
public record Section(long id, Long parentId, String slug, String path, String name, String description,
                      int position, List<Crumb> trail) {

    /** One step of a section's trail, for "Opinion › News". */
    public record Crumb(String name, String url) {
    }

    public String url() {
        return "/section/" + path + "/";
    }

    public boolean nested() {
        return parentId != null;
    }

    /** "Opinion › News". */
    public String fullName() {
        return trail.stream().map(Crumb::name).collect(Collectors.joining(" › "));
    }
}
