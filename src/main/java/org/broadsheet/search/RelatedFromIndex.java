package org.broadsheet.search;

import java.util.List;
import java.util.Optional;

import org.broadsheet.article.SimilarArticles;
import org.springframework.stereotype.Component;

/** Related articles for the article page, from the search index (similar text, shared sections and tags). */
@Component
class RelatedFromIndex implements SimilarArticles {

    private final SearchEngine engine;

    RelatedFromIndex(SearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<List<Long>> similarTo(long articleId, int limit) {
        return engine.similar(articleId, limit);
    }
}
