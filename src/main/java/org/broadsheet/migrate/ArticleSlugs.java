package org.broadsheet.migrate;

import static org.broadsheet.migrate.WxrFields.slug;
import static org.broadsheet.migrate.WxrFields.title;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.broadsheet.support.Slugs;

/**
 * The articles' slugs during an import: an article imported before keeps its own (readers' links to it must
 * not move), a new one gets the post's own name, else one made from its title, numbered when it is taken.
 */
final class ArticleSlugs {

    private final Map<Long, String> slugById;
    private final Set<String> taken;

    ArticleSlugs(Map<Long, String> slugById) {
        this.slugById = slugById;
        this.taken = new HashSet<>(slugById.values());
    }

    /** The slug for an item: the existing article's, or a new one, taken from now on. */
    String of(Long existing, Wxr.Item item) {
        String slug = existing != null ? slugById.getOrDefault(existing, "") : unique(item);
        taken.add(slug);
        return slug;
    }

    /** Remembers a new article's slug under its id, for a later item that updates it. */
    void assigned(long articleId, String slug) {
        slugById.put(articleId, slug);
    }

    private String unique(Wxr.Item item) {
        String base = slug(item.postName(), "");
        if (base.isEmpty()) {
            base = Slugs.slugify(title(item));
        }
        if (base.isEmpty()) {
            base = item.postType() + "-" + (item.postId().isBlank() ? taken.size() + 1 : item.postId());
        }
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
