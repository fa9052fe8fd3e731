package org.broadsheet.search;

import java.util.List;
import java.util.Optional;

import org.broadsheet.article.SimilarArticles;
import org.broadsheet.change.ContentChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Related articles for the article page, from the search index (similar text, shared sections and tags).
 * Finding them analyses the article's whole text again, the costliest step of rendering its page, so the
 * answer is kept until any article changes (a new or edited article may become anyone's nearest neighbour).
 */
@Component
class RelatedFromIndex implements SimilarArticles {

    private final SearchEngine engine;
    private final Cache<String, List<Long>> answers = Caffeine.newBuilder().maximumSize(20_000).build();

    RelatedFromIndex(SearchEngine engine) {
        this.engine = engine;
    }

    @Override
    public Optional<List<Long>> similarTo(long articleId, int limit) {
        String key = articleId + ":" + limit;
        List<Long> known = answers.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<List<Long>> found = engine.similar(articleId, limit);
        found.ifPresent(ids -> answers.put(key, List.copyOf(ids)));
        return found;
    }

    @EventListener
    void on(ContentChanged change) {
        if (change.isArticle()) {
            answers.invalidateAll();
        }
    }
}
