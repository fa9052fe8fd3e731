package org.broadsheet.migrate;

import java.util.HashSet;
import java.util.Set;

/**
 * The WordPress category slug ({@code category_nicename}) of a section, and back. A category's nicename is the
 * last part of its address ({@code /category/world/europe/}), so a section's own slug is written, not its path.
 * WordPress wants nicenames unique site-wide, while sections may share a slug under different parents
 * ({@code world/europe}, {@code sport/europe}): the later one is written {@code europe--sport}. WordPress
 * collapses runs of hyphens in the slugs it makes, so no nicename of its own has {@code --}, and a Broadsheet
 * slug never has one: reading a nicename, what comes before {@code --} is the section's slug again.
 */
final class SectionNicenames {

    private static final String APART = "--";

    private final Set<String> taken = new HashSet<>();

    /** A nicename for the section, unique among those this instance gave out. */
    String of(String slug, String path) {
        if (taken.add(slug)) {
            return slug;
        }
        // Given shallower sections first, only a subsection meets a slug already taken; its parent's path tells it apart.
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')).replace('/', '-') : "section";
        String nicename = slug + APART + parent;
        for (int n = 2; !taken.add(nicename); n++) {
            nicename = slug + APART + parent + "-" + n;
        }
        return nicename;
    }

    /** The section slug a nicename stands for: what {@link #of} was given. */
    static String slugOf(String nicename) {
        int apart = nicename.indexOf(APART);
        return apart > 0 ? nicename.substring(0, apart) : nicename;
    }
}
