package org.broadsheet.article;

import java.util.List;
import java.util.Optional;

/**
 * Finds articles like a given one (similar text, shared sections and tags). The search feature provides it;
 * the article page falls back to "newest sharing a section or tag" when it is absent or not ready.
 */
public interface SimilarArticles {

    /** Ids of visible articles like this one, best first; empty when the index cannot answer yet. */
    Optional<List<Long>> similarTo(long articleId, int limit);
}
