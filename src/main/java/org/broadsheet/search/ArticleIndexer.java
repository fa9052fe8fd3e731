package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.broadsheet.article.ArticleContent;
import org.broadsheet.article.ArticleIndexSource;
import org.broadsheet.change.ChangeLog;
import org.broadsheet.change.ContentChanged;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.BroadsheetProperties;
import org.broadsheet.taxonomy.Section;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index equal to the database. At start it opens the index and either rebuilds it (missing,
 * unreadable, older schema, or older than the change log keeps) or replays the change-log rows written since
 * its last commit. Then every {@link ContentChanged} for an article re-reads that article: visible ones are
 * put, others removed. Commits every few seconds record the change-log position the index reflects.
 * <p>
 * The rebuild and the replay run beside the change dispatcher's thread; changes it delivers meanwhile are
 * queued and applied by the catching-up thread at its end ({@link ChangesWhileCatchingUp}).
 */
@Component
class ArticleIndexer {

    private static final int BATCH = 500;
    /** More changed articles than this at start (an import) and the index is rebuilt rather than replayed. */
    static final int REPLAY_LIMIT = 2_000;
    private static final Duration MAX_AGE = Duration.ofDays(6);
    private static final Logger log = LoggerFactory.getLogger(ArticleIndexer.class);

    private final LuceneSearchEngine engine;
    private final ArticleIndexSource source;
    private final ChangeLog changeLog;
    private final SiteSettings settings;
    private final BroadsheetProperties properties;
    private final Clock clock;
    private final Object rebuildLock = new Object();
    private final ChangesWhileCatchingUp queued = new ChangesWhileCatchingUp();
    private volatile boolean dirty;

    ArticleIndexer(LuceneSearchEngine engine, ArticleIndexSource source, ChangeLog changeLog, SiteSettings settings,
                   BroadsheetProperties properties, Clock clock) {
        this.engine = engine;
        this.source = source;
        this.changeLog = changeLog;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() throws IOException {
        if (!properties.servingSite()) {
            return;
        }
        // Before the index opens, so that no change is applied beside the rebuild or the replay below.
        queued.begin();
        LuceneSearchEngine.Opened opened;
        try {
            opened = engine.open();
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            queued.abandon();
            // The site still serves pages; search says it is unavailable and related articles use SQL.
            log.error("The search index at {} is locked by another process: give each node its own "
                    + "broadsheet.index-dir, or stop the other process. Search is off on this node.", engine.path());
            return;
        }
        Map<String, String> checkpoint = engine.checkpoint();
        boolean stale = checkpoint.containsKey("committed_at")
                && Instant.parse(checkpoint.get("committed_at")).isBefore(clock.instant().minus(MAX_AGE));
        if (opened != LuceneSearchEngine.Opened.EXISTING || !checkpoint.containsKey("change_seq") || stale) {
            log.info("Search index {} ({}); rebuilding it in the background", engine.path(), describe(opened, stale));
            rebuildInBackground();
            return;
        }
        Set<Long> changed = changedSince(Long.parseLong(checkpoint.get("change_seq")));
        if (changed.size() > REPLAY_LIMIT) {
            // After a bulk import one pass over the table beats reading thousands of articles one by one.
            log.info("Search index {}: {} articles changed since its last commit; rebuilding it in the background",
                    engine.path(), changed.size());
            rebuildInBackground();
            return;
        }
        try {
            changed.forEach(this::reindex);
            applyQueued();
        } catch (RuntimeException e) {
            queued.abandon();
            throw e;
        }
        engine.markReady();
        log.info("Search index opened at {}: {} articles, {} changes replayed", engine.path(), engine.size(), changed.size());
    }

    private void rebuildInBackground() {
        Thread thread = new Thread(() -> {
            long count = rebuild();
            log.info("Search index rebuilt: {} articles", count);
        }, "search-rebuild");
        thread.setDaemon(true);
        thread.start();
    }

    private static String describe(LuceneSearchEngine.Opened opened, boolean stale) {
        if (stale) {
            return "is older than the change log";
        }
        switch (opened) {
            case CREATED:
                return "is missing";
            case REPLACED_CORRUPT:
                return "was unreadable";
            case REPLACED_OUTDATED:
                return "has an older layout";
            default:
                return "has no change-log position";
        }
    }

    /** The articles named in change-log rows after {@code seq}, up to what the dispatcher has passed. */
    private Set<Long> changedSince(long seq) {
        long through = Math.max(changeLog.processedThrough(), changeLog.latestSeq());
        Set<Long> ids = new LinkedHashSet<>();
        long at = seq;
        while (at < through) {
            List<ContentChanged> rows = changeLog.after(at, 1000);
            if (rows.isEmpty()) {
                break;
            }
            rows.stream().filter(ContentChanged::isArticle).forEach(r -> ids.add(r.entityId()));
            at = rows.get(rows.size() - 1).seq();
        }
        return ids;
    }

    /**
     * Empties the index and fills it from the database, then applies the changes delivered meanwhile; returns
     * the number of articles indexed. Searches find nothing until it is done (if the index was not ready).
     */
    long rebuild() {
        synchronized (rebuildLock) {
            queued.begin();
            try {
                long mark = Math.max(changeLog.processedThrough(), 0);
                engine.removeAll();
                long count = fill(settings.current().timeZone());
                engine.commit(checkpoint(mark));
                applyQueued();
                engine.markReady();
                return count;
            } catch (RuntimeException e) {
                queued.abandon();
                throw e;
            }
        }
    }

    /** Applies the queued changes on the catching-up thread until none are left, which ends the catch-up. */
    private void applyQueued() {
        for (List<Long> ids = queued.takeOrEnd(); !ids.isEmpty(); ids = queued.takeOrEnd()) {
            ids.forEach(this::reindex);
        }
    }

    /**
     * Reads batches on this thread and analyses them on one thread per core: reading (SQL, HTML to text)
     * and analysis (tokenising three languages) overlap. At most two batches per thread wait in memory.
     */
    private long fill(ZoneId zone) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "search-rebuild-worker");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(threads * 2);
        List<Future<?>> work = new ArrayList<>();
        long count = 0;
        long after = 0;
        try {
            while (true) {
                List<Long> ids = source.idsAfter(after, BATCH);
                if (ids.isEmpty()) {
                    break;
                }
                after = ids.get(ids.size() - 1);
                List<ArticleContent> batch = source.contents(ids).stream().filter(ArticleContent::isPublished).toList();
                count += batch.size();
                inFlight.acquireUninterruptibly();
                work.add(pool.submit(() -> {
                    try {
                        engine.putWithoutRefresh(batch.stream().map(a -> document(a, zone)).toList());
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding the search index", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not rebuild the search index", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return count;
    }

    @EventListener
    void on(ContentChanged change) {
        if (!change.isArticle() || !engine.isOpen()) {
            // Before the index opens, the start-up rebuild or replay covers this change.
            return;
        }
        if (!queued.queue(change.entityId())) {
            reindex(change.entityId());
        }
    }

    private void reindex(long articleId) {
        var article = source.find(articleId);
        if (article.isPresent() && article.get().isPublished()) {
            engine.put(List.of(document(article.get(), settings.current().timeZone())));
        } else {
            engine.remove(articleId);
        }
        dirty = true;
    }

    @Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
    void commit() {
        if (engine.broken() && !queued.catchingUp()) {
            recover();
            return;
        }
        // Not while catching up: the change-log position would claim changes not yet read.
        if (!dirty || queued.catchingUp() || !engine.ready()) {
            return;
        }
        dirty = false;
        try {
            engine.commit(checkpoint(changeLog.processedThrough()));
        } catch (UncheckedIOException | IllegalStateException e) {
            dirty = true;
            log.warn("Could not commit the search index: {}", e.getMessage());
        }
    }

    /**
     * Opens the index again after its writer closed itself, and rebuilds it: changes since then failed to reach
     * it, and without this the node's search would stay as it was until a restart. Meanwhile the search page says
     * the index is being built, as after a first start.
     */
    private void recover() {
        log.error("The search index at {} stopped accepting changes; opening it again and rebuilding it", engine.path());
        queued.begin();
        try {
            engine.reopen();
        } catch (IOException | RuntimeException e) {
            queued.abandon();
            log.error("Could not open the search index again; trying again in a few seconds", e);
            return;
        }
        rebuildInBackground();
    }

    private Map<String, String> checkpoint(long seq) {
        return Map.of("change_seq", Long.toString(Math.max(seq, 0)), "committed_at", clock.instant().toString());
    }

    static SearchDocument document(ArticleContent a, ZoneId zone) {
        Set<String> paths = new LinkedHashSet<>();
        for (Section s : a.sections()) {
            String path = "";
            for (String part : s.path().split("/")) {
                path = path.isEmpty() ? part : path + "/" + part;
                paths.add(path);
            }
        }
        return new SearchDocument(a.id(), a.slug(), a.language(), a.title(), a.standfirst(), a.bodyText(),
                a.publishedAt(), a.updatedAt(), a.publishedAt().atZoneSameInstant(zone).getYear(),
                a.authors().stream().map(x -> new SearchDocument.Label(x.slug(), x.name())).toList(),
                a.sections().stream().map(x -> new SearchDocument.Label(x.path(), x.fullName())).toList(),
                List.copyOf(paths),
                a.tags().stream().map(x -> new SearchDocument.Label(x.slug(), x.name())).toList());
    }
}
