package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.broadsheet.support.BroadsheetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The search index in Lucene under {@code broadsheet.data-dir/index}: one long-lived {@link IndexWriter} and a
 * near-real-time {@link SearcherManager} refreshed after every change. Text fields exist once per language
 * ({@code title_en}, {@code body_ru}…) with that language's analyzer; title counts three times as much as
 * body, standfirst twice. Scheduled articles are indexed but filtered out until their publication time.
 */
@Component
class LuceneSearchEngine implements SearchEngine, DisposableBean {

    /** Bump when the document layout changes: an index of another schema is rebuilt at start. */
    static final String SCHEMA = "1";
    static final int MAX_WINDOW = 1000;
    private static final int FEW = 3;
    private static final List<String> DIMENSIONS = List.of("author", "section", "tag", "language", "year");
    private static final Map<String, Float> BOOSTS = Map.of("title", 3f, "standfirst", 2f, "body", 1f);
    private static final List<String> SEARCHED = List.of("en", "ru", "ja", "xx");
    private static final Logger log = LoggerFactory.getLogger(LuceneSearchEngine.class);

    enum Opened { EXISTING, CREATED, REPLACED_CORRUPT, REPLACED_OUTDATED }

    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private final Path path;
    private final Clock clock;
    private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
    private final QueryBuilding queries = new QueryBuilding(analyzers, BOOSTS, SEARCHED);
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private Directory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private volatile boolean ready;
    private volatile FacetState facetState;

    LuceneSearchEngine(BroadsheetProperties properties, Clock clock) {
        this(properties, clock, "");
    }

    /** @param indexDir {@code broadsheet.index-dir}: where this node keeps its index, default {@code data-dir/index} */
    @org.springframework.beans.factory.annotation.Autowired
    LuceneSearchEngine(BroadsheetProperties properties, Clock clock,
                       @org.springframework.beans.factory.annotation.Value("${broadsheet.index-dir:}") String indexDir) {
        this.path = indexDir.isBlank() ? properties.dataDir().resolve("index") : Path.of(indexDir);
        this.clock = clock;
        for (String dimension : List.of("author", "section", "tag")) {
            facetsConfig.setMultiValued(dimension, true);
        }
    }

    Path path() {
        return path;
    }

    /** Opens the index, creating a new empty one when it is missing, unreadable or of an older schema. */
    synchronized Opened open() throws IOException {
        if (writer != null) {
            return Opened.EXISTING;
        }
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        Opened how = Opened.EXISTING;
        if (!DirectoryReader.indexExists(directory)) {
            how = Opened.CREATED;
        } else {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                if (!SCHEMA.equals(reader.getIndexCommit().getUserData().get("schema"))) {
                    how = Opened.REPLACED_OUTDATED;
                }
            } catch (IOException | RuntimeException e) {
                log.warn("The search index at {} cannot be read ({}); it will be rebuilt", path, e.toString());
                how = Opened.REPLACED_CORRUPT;
                for (String file : directory.listAll()) {
                    if (!file.equals("write.lock")) {
                        directory.deleteFile(file);
                    }
                }
            }
        }
        IndexWriterConfig config = new IndexWriterConfig(analyzers.perField());
        config.setOpenMode(how == Opened.EXISTING ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
        config.setRAMBufferSizeMB(64);
        IndexWriter opened = new IndexWriter(directory, config);
        if (how != Opened.EXISTING) {
            opened.setLiveCommitData(Map.of("schema", SCHEMA).entrySet());
            opened.commit();
        }
        searchers = new SearcherManager(opened, null);
        writer = opened;
        ready = how == Opened.EXISTING;
        return how;
    }

    boolean isOpen() {
        return writer != null;
    }

    /**
     * Whether the writer has closed itself: Lucene does so after an error it cannot recover from (a failed write
     * to disk, an interrupt during one), and every later change would then fail. The last commit stays readable.
     */
    boolean broken() {
        IndexWriter w = writer;
        return w != null && !w.isOpen();
    }

    /** Closes what is left of a broken index and opens it afresh; the caller rebuilds it. */
    synchronized Opened reopen() throws IOException {
        ready = false;
        IndexWriter w = writer;
        writer = null;
        try {
            if (searchers != null) {
                searchers.close();
            }
            if (w != null) {
                w.close();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Closing the broken search index: {}", e.toString());
        }
        if (directory != null) {
            directory.close();
        }
        Opened how = open();
        ready = false;   // until the rebuild is done
        return how;
    }

    void markReady() {
        ready = true;
    }

    @Override
    public boolean ready() {
        return ready && writer != null;
    }

    @Override
    public void put(List<SearchDocument> documents) {
        putWithoutRefresh(documents);
        refresh();
    }

    /** For rebuilds: adds documents without opening a new searcher each time. */
    void putWithoutRefresh(List<SearchDocument> documents) {
        try {
            for (SearchDocument d : documents) {
                writer().updateDocument(new Term("id", Long.toString(d.id())), facetsConfig.build(IndexedDocument.of(d)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void remove(long id) {
        try {
            writer().deleteDocuments(new Term("id", Long.toString(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refresh();
    }

    @Override
    public void removeAll() {
        try {
            writer().deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void commit(Map<String, String> checkpoint) {
        Map<String, String> data = new HashMap<>(checkpoint);
        data.put("schema", SCHEMA);
        try {
            IndexWriter w = writer();
            w.setLiveCommitData(data.entrySet());
            w.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        refresh();
    }

    @Override
    public Map<String, String> checkpoint() {
        Map<String, String> out = new HashMap<>();
        Iterable<Map.Entry<String, String>> data = writer().getLiveCommitData();
        if (data != null) {
            data.forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    long size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The open writer (package-private for tests that break it as a failed disk write would). */
    IndexWriter writer() {
        IndexWriter w = writer;
        if (w == null) {
            throw new IllegalStateException("The search index is not open");
        }
        return w;
    }

    @Override
    public SearchResults search(SearchQuery q) {
        if (!ready()) {
            return SearchResults.empty();
        }
        QueryText text = QueryText.parse(q.text());
        if (text.isEmpty() && !q.hasFilters()) {
            return SearchResults.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query filter = filter(q);
                Query exact = text.isEmpty() ? new MatchAllDocsQuery() : queries.textQuery(text, false);
                Found found = exact == null ? Found.NONE : run(searcher, exact, filter, q);
                boolean approximate = false;
                if (found.total() < FEW && !text.words().isEmpty()) {
                    Query fuzzy = queries.textQuery(text, true);
                    Found relaxed = fuzzy == null ? Found.NONE : run(searcher, fuzzy, filter, q);
                    if (relaxed.total() > found.total()) {
                        found = relaxed;
                        exact = fuzzy;
                        approximate = true;
                    }
                }
                if (found == Found.NONE) {
                    return SearchResults.empty();
                }
                return new SearchResults(hits(searcher, exact, found, q), found.total(), approximate,
                        facets(searcher, found.facets()));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | IndexSearcher.TooManyClauses e) {
            log.warn("Search for \"{}\" failed: {}", abbreviate(q.text()), e.toString());
            return SearchResults.empty();
        }
    }

    private record Found(TopDocs page, long total, org.apache.lucene.facet.FacetsCollector facets) {
        static final Found NONE = new Found(null, 0, null);
    }

    private Found run(IndexSearcher searcher, Query main, Query filter, SearchQuery q) throws IOException {
        Query query = new BooleanQuery.Builder().add(main, Occur.MUST).add(filter, Occur.FILTER).build();
        int window = Math.max(1, Math.min(q.page() * q.size(), MAX_WINDOW));
        FacetsCollectorManager manager = new FacetsCollectorManager();
        FacetsCollectorManager.FacetsResult result = q.byDate()
                ? FacetsCollectorManager.search(searcher, query, window,
                        new Sort(new SortField("published", SortField.Type.LONG, true)), manager)
                : FacetsCollectorManager.search(searcher, query, window, manager);
        TopDocs top = result.topDocs();
        int from = Math.min(top.scoreDocs.length, (q.page() - 1) * q.size());
        int to = Math.min(top.scoreDocs.length, from + q.size());
        ScoreDoc[] slice = java.util.Arrays.copyOfRange(top.scoreDocs, from, to);
        long total = 0;
        for (org.apache.lucene.facet.FacetsCollector.MatchingDocs docs : result.facetsCollector().getMatchingDocs()) {
            total += docs.totalHits;
        }
        return new Found(new TopDocs(top.totalHits, slice), total, result.facetsCollector());
    }

    private Query filter(SearchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(LongPoint.newRangeQuery("published", Long.MIN_VALUE, clock.millis()), Occur.FILTER);
        if (SearchQuery.present(q.author())) {
            b.add(new TermQuery(new Term("author", q.author())), Occur.FILTER);
        }
        if (SearchQuery.present(q.section())) {
            b.add(new TermQuery(new Term("section", q.section())), Occur.FILTER);
        }
        if (SearchQuery.present(q.tag())) {
            b.add(new TermQuery(new Term("tag", q.tag())), Occur.FILTER);
        }
        if (SearchQuery.present(q.language())) {
            b.add(new TermQuery(new Term("lang", q.language())), Occur.FILTER);
        }
        if (q.year() != null) {
            b.add(new TermQuery(new Term("year", Integer.toString(q.year()))), Occur.FILTER);
        }
        return b.build();
    }

    private List<SearchResults.Hit> hits(IndexSearcher searcher, Query query, Found found, SearchQuery q) throws IOException {
        String[] bodies = SEARCHED.stream().map(l -> LanguageAnalyzers.field("body", l)).toArray(String[]::new);
        int[] passages = new int[bodies.length];
        java.util.Arrays.fill(passages, 2);
        Map<String, String[]> snippets = found.page().scoreDocs.length == 0 ? Map.of()
                : UnifiedHighlighter.builder(searcher, analyzers.perField())
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .build()
                .highlightFields(bodies, query, found.page(), passages);
        List<SearchResults.Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = found.page().scoreDocs;
        for (int i = 0; i < docs.length; i++) {
            Document d = searcher.storedFields().document(docs[i].doc);
            String language = d.get("lang");
            String indexed = LanguageAnalyzers.indexLanguage(language);
            String[] forLanguage = snippets.get(LanguageAnalyzers.field("body", indexed));
            String snippet = forLanguage == null || forLanguage[i] == null ? "" : forLanguage[i];
            hits.add(new SearchResults.Hit(Long.parseLong(d.get("id")), d.get("slug"), language,
                    d.get(LanguageAnalyzers.field("title", indexed)), nullToEmpty(d.get(LanguageAnalyzers.field("standfirst", indexed))),
                    snippet, OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(d.getField("published").numericValue().longValue()),
                    ZoneOffset.UTC), IndexedDocument.labels(d.getValues("author_label")), IndexedDocument.labels(d.getValues("section_label"))));
        }
        return hits;
    }

    private Map<String, List<SearchResults.FacetCount>> facets(IndexSearcher searcher,
                                                               org.apache.lucene.facet.FacetsCollector collector) throws IOException {
        Map<String, List<SearchResults.FacetCount>> out = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null || collector == null) {
            return out;
        }
        Facets counts = new SortedSetDocValuesFacetCounts(state, collector);
        for (String dimension : DIMENSIONS) {
            try {
                FacetResult result = counts.getTopChildren(30, dimension);
                if (result != null) {
                    List<SearchResults.FacetCount> values = new ArrayList<>();
                    for (LabelAndValue lv : result.labelValues) {
                        values.add(new SearchResults.FacetCount(lv.label, lv.value.longValue()));
                    }
                    out.put(dimension, values);
                }
            } catch (IllegalArgumentException notIndexedYet) {
                // no document carries this dimension
            }
        }
        return out;
    }

    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        try {
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            facetState = new FacetState(reader, state);
            return state;
        } catch (IllegalArgumentException emptyIndex) {
            return null;
        }
    }

    @Override
    public Optional<List<Long>> similar(long id, int limit) {
        if (!ready()) {
            return Optional.empty();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs own = searcher.search(new TermQuery(new Term("id", Long.toString(id))), 1);
                if (own.scoreDocs.length == 0) {
                    return Optional.empty();
                }
                int docNumber = own.scoreDocs[0].doc;
                Document d = searcher.storedFields().document(docNumber);
                String language = LanguageAnalyzers.indexLanguage(d.get("lang"));
                MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
                mlt.setAnalyzer(analyzers.perField());
                mlt.setFieldNames(new String[] {LanguageAnalyzers.field("title", language), LanguageAnalyzers.field("body", language)});
                mlt.setMinTermFreq(2);
                mlt.setMinDocFreq(1);
                mlt.setMaxQueryTerms(25);
                BooleanQuery.Builder like = new BooleanQuery.Builder();
                like.add(mlt.like(docNumber), Occur.SHOULD);
                for (SearchDocument.Label section : IndexedDocument.labels(d.getValues("section_label"))) {
                    like.add(new BoostQuery(new TermQuery(new Term("section", section.key())), 2f), Occur.SHOULD);
                }
                for (String tag : d.getValues("tag")) {
                    like.add(new BoostQuery(new TermQuery(new Term("tag", tag)), 3f), Occur.SHOULD);
                }
                like.setMinimumNumberShouldMatch(1);
                Query query = new BooleanQuery.Builder()
                        .add(like.build(), Occur.MUST)
                        .add(new TermQuery(new Term("id", Long.toString(id))), Occur.MUST_NOT)
                        .add(LongPoint.newRangeQuery("published", Long.MIN_VALUE, clock.millis()), Occur.FILTER)
                        .build();
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                    ids.add(Long.parseLong(searcher.storedFields().document(hit.doc).get("id")));
                }
                return Optional.of(ids);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Related articles for {} failed: {}", id, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public synchronized void destroy() throws IOException {
        ready = false;
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (directory != null) {
            directory.close();
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
