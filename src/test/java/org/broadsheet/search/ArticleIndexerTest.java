package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.broadsheet.article.ArticleContent;
import org.broadsheet.article.ArticleIndexSource;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.change.ChangeLog;
import org.broadsheet.change.ContentChanged;
import org.broadsheet.site.PrivacyContact;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.support.BroadsheetProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that was down catches up from the change log when it starts again; and a change that arrives while
 * the index catches up (a rebuild or a replay, on a thread of its own) is not undone by that thread's older
 * read of the same article.
 */
class ArticleIndexerTest {

    @TempDir
    Path dataDir;

    private final ArticleIndexSource source = mock(ArticleIndexSource.class);
    private final ChangeLog changeLog = mock(ChangeLog.class);
    private final SiteSettings settings = mock(SiteSettings.class);

    @Test
    void replaysChangesWrittenWhileTheNodeWasDown() throws Exception {
        oneArticleAtChange5();

        LuceneSearchEngine first = engine();
        indexer(first).start();
        SearchIndexReady.await(first);
        assertThat(ids(first, "gannet")).containsExactly(1L);
        first.commit(Map.of("change_seq", "5", "committed_at", java.time.Instant.now().toString()));
        first.destroy();

        // While the node is down: article 1 is retitled, article 2 is published, a comment changes.
        when(changeLog.latestSeq()).thenReturn(8L);
        when(changeLog.processedThrough()).thenReturn(8L);
        when(changeLog.after(eq(5L), anyInt())).thenReturn(List.of(row(6, 1), row(7, 2), comment(8)));
        when(changeLog.after(eq(8L), anyInt())).thenReturn(List.of());
        when(source.find(1)).thenReturn(Optional.of(article(1, "Cormorant migration")));
        when(source.find(2)).thenReturn(Optional.of(article(2, "Gannet colonies")));

        LuceneSearchEngine second = engine();
        indexer(second).start();
        assertThat(second.ready()).isTrue();
        assertThat(ids(second, "gannet")).containsExactly(2L);
        assertThat(ids(second, "cormorant")).containsExactly(1L);
        second.destroy();
    }

    @Test
    void rebuildsInOnePassInsteadOfReplayingABulkImport() throws Exception {
        indexedAndStoppedAtChange5();

        // While the node is down an import changes more articles than are worth reading one by one.
        int imported = ArticleIndexer.REPLAY_LIMIT + 1;
        long last = 5 + imported;
        when(changeLog.latestSeq()).thenReturn(last);
        when(changeLog.processedThrough()).thenReturn(last);
        when(changeLog.after(eq(5L), anyInt())).thenReturn(
                java.util.stream.LongStream.rangeClosed(6, last).mapToObj(seq -> row(seq, seq - 5)).toList());
        when(changeLog.after(eq(last), anyInt())).thenReturn(List.of());
        when(source.idsAfter(eq(0L), anyInt())).thenReturn(List.of(1L, 2L));
        when(source.contents(List.of(1L, 2L))).thenReturn(List.of(article(1, "Cormorant migration"), article(2, "Gannet colonies")));

        LuceneSearchEngine second = engine();
        indexer(second).start();
        SearchIndexReady.until(() -> ids(second, "cormorant").equals(List.of(1L)), "the rebuild");
        assertThat(ids(second, "gannet")).containsExactly(2L);
        assertThat(ids(second, "cormorant")).containsExactly(1L);
        verify(source, never()).find(anyLong());
        second.destroy();
    }

    /*
     * The start-up rebuild applies the changes that came during it (here: article 1 published) once it is done;
     * the article is deleted and its change delivered between that read and its write.
     */
    @Test
    void anArticleDeletedWhileTheRebuildAppliesItsQueuedChangesIsNotFound() throws Exception {
        when(settings.current()).thenReturn(new SiteSettings.Settings("T", "", "en", ZoneId.of("UTC"), 10, PrivacyContact.NONE));
        when(changeLog.processedThrough()).thenReturn(5L);
        when(changeLog.latestSeq()).thenReturn(5L);
        LuceneSearchEngine engine = engine();
        ArticleIndexer indexer = indexer(engine);
        when(source.idsAfter(anyLong(), anyInt())).thenReturn(List.of());
        when(source.idsAfter(eq(0L), anyInt())).thenReturn(List.of(2L));
        when(source.contents(List.of(2L))).thenAnswer(read -> {
            indexer.on(row(6, 1));
            return List.of(article(2, "Cormorant colonies"));
        });
        StaleRead staleRead = new StaleRead(source, article(1, "Gannet migration"));

        engine.open();
        Thread rebuild = new Thread(indexer::rebuild, "search-rebuild");
        rebuild.start();
        staleRead.deleteWhileReading(() -> indexer.on(deleted(7, 1)));
        rebuild.join(10_000);

        assertThat(ids(engine, "cormorant")).containsExactly(2L);
        assertThat(ids(engine, "gannet")).isEmpty();
        engine.destroy();
    }

    /** At start the replay re-reads article 1; it is deleted and its change delivered before that read is written. */
    @Test
    void anArticleDeletedWhileTheStartUpReplayReadsItIsNotFound() throws Exception {
        indexedAndStoppedAtChange5();

        when(changeLog.latestSeq()).thenReturn(6L);
        when(changeLog.processedThrough()).thenReturn(6L);
        when(changeLog.after(eq(5L), anyInt())).thenReturn(List.of(row(6, 1)));
        when(changeLog.after(eq(6L), anyInt())).thenReturn(List.of());
        StaleRead staleRead = new StaleRead(source, article(1, "Gannet migration, retitled"));
        LuceneSearchEngine second = engine();
        ArticleIndexer indexer = indexer(second);

        Thread start = new Thread(() -> {
            try {
                indexer.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "start-up");
        start.start();
        staleRead.deleteWhileReading(() -> indexer.on(deleted(7, 1)));
        start.join(10_000);

        assertThat(ids(second, "gannet")).isEmpty();
        second.destroy();
    }

    /**
     * {@code source.find} of the article on another thread returns it as it was (its row read just before the
     * delete) only after the delete has been committed and its change delivered on this thread; later reads
     * find no row.
     */
    @Test
    void anIndexWhoseWriterClosedItselfIsOpenedAgainAndRebuilt() throws Exception {
        oneArticleAtChange5();
        LuceneSearchEngine engine = engine();
        ArticleIndexer indexer = indexer(engine);
        indexer.start();
        SearchIndexReady.await(engine);

        // As Lucene leaves its writer after a write it cannot recover from (a full disk, an interrupt mid-write).
        engine.writer().rollback();
        assertThat(engine.broken()).isTrue();
        // Meanwhile a second article is published; its change could not reach the closed writer.
        when(source.idsAfter(eq(0L), anyInt())).thenReturn(List.of(1L, 2L));
        when(source.contents(List.of(1L, 2L))).thenReturn(List.of(article(1, "Gannet migration"), article(2, "Gannet colonies")));

        indexer.commit();
        SearchIndexReady.await(engine);
        assertThat(engine.broken()).isFalse();
        assertThat(ids(engine, "gannet")).containsExactlyInAnyOrder(1L, 2L);
        engine.destroy();
    }

    private static final class StaleRead {
        private final CountDownLatch reading = new CountDownLatch(1);
        private final CountDownLatch delivered = new CountDownLatch(1);
        private final AtomicBoolean deleted = new AtomicBoolean();

        StaleRead(ArticleIndexSource source, ArticleContent before) {
            when(source.find(before.id())).thenAnswer(read -> {
                if (deleted.get()) {
                    return Optional.empty();
                }
                reading.countDown();
                assertThat(delivered.await(10, TimeUnit.SECONDS)).as("the delete delivered").isTrue();
                return Optional.of(before);
            });
        }

        void deleteWhileReading(Runnable deliverChange) throws InterruptedException {
            assertThat(reading.await(10, TimeUnit.SECONDS)).as("the article being read").isTrue();
            deleted.set(true);
            deliverChange.run();
            delivered.countDown();
        }
    }

    /** The database holds article 1, "Gannet migration", and the change log is at row 5. */
    private void oneArticleAtChange5() {
        when(settings.current()).thenReturn(new SiteSettings.Settings("T", "", "en", ZoneId.of("UTC"), 10, PrivacyContact.NONE));
        when(source.idsAfter(anyLong(), anyInt())).thenReturn(List.of());
        when(source.idsAfter(eq(0L), anyInt())).thenReturn(List.of(1L));
        when(source.contents(List.of(1L))).thenReturn(List.of(article(1, "Gannet migration")));
        when(changeLog.processedThrough()).thenReturn(5L);
        when(changeLog.latestSeq()).thenReturn(5L);
    }

    /** As {@link #oneArticleAtChange5()}, and a node has indexed it, committed at row 5 and stopped. */
    private void indexedAndStoppedAtChange5() throws Exception {
        oneArticleAtChange5();
        LuceneSearchEngine first = engine();
        indexer(first).start();
        SearchIndexReady.await(first);
        first.commit(Map.of("change_seq", "5", "committed_at", java.time.Instant.now().toString()));
        first.destroy();
    }

    private LuceneSearchEngine engine() {
        return new LuceneSearchEngine(new BroadsheetProperties(dataDir, false, "", ""), Clock.systemUTC());
    }

    private ArticleIndexer indexer(LuceneSearchEngine engine) {
        return new ArticleIndexer(engine, source, changeLog, settings, new BroadsheetProperties(dataDir, false, "", ""),
                Clock.systemUTC());
    }

    private static List<Long> ids(LuceneSearchEngine engine, String text) {
        return engine.search(new SearchQuery(text, null, null, null, null, null, false, 1, 10)).hits().stream()
                .map(SearchResults.Hit::id).toList();
    }

    private static ContentChanged row(long seq, long articleId) {
        return new ContentChanged(seq, ContentChanged.ARTICLE, articleId, articleId, ContentChanged.UPDATED, "other", OffsetDateTime.now());
    }

    private static ContentChanged deleted(long seq, long articleId) {
        return new ContentChanged(seq, ContentChanged.ARTICLE, articleId, articleId, ContentChanged.DELETED, "other", OffsetDateTime.now());
    }

    private static ContentChanged comment(long seq) {
        return new ContentChanged(seq, ContentChanged.COMMENT, 40, 1L, ContentChanged.UPDATED, "other", OffsetDateTime.now());
    }

    private static ArticleContent article(long id, String title) {
        OffsetDateTime at = OffsetDateTime.now().minusDays(1);
        return new ArticleContent(id, "a-" + id, "en", title, "", "<p>" + title + "</p>", title, ArticleStatus.PUBLISHED,
                at, at, List.of(), List.of(), List.of(), null, "", "", "");
    }
}
