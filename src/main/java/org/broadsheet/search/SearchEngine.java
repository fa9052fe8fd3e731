package org.broadsheet.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The search index, fed flat {@link SearchDocument}s. Content code never sees Lucene: the indexer turns
 * change events into documents, the search page and the article page ask questions.
 */
public interface SearchEngine {

    /** False until the index is open and, after a rebuild from nothing, filled. */
    boolean ready();

    /** Adds or replaces documents (by id); searchable within the next refresh, well under a second. */
    void put(List<SearchDocument> documents);

    void remove(long id);

    /** Removes everything: the first step of a rebuild. */
    void removeAll();

    /** Makes the index durable, recording the checkpoint (the change-log position it reflects). */
    void commit(Map<String, String> checkpoint);

    /** The checkpoint of the last commit, empty for a new index. */
    Map<String, String> checkpoint();

    /** Visible articles only (published, publication time reached). Never throws for odd text. */
    SearchResults search(SearchQuery query);

    /** Visible articles like the given one, best first; empty when the article is not in the index. */
    Optional<List<Long>> similar(long id, int limit);
}
