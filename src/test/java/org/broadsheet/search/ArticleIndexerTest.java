package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

/** A node that was down catches up from the change log when it starts again. */
class ArticleIndexerTest {

    @TempDir
    Path dataDir;

    private final ArticleIndexSource source = mock(ArticleIndexSource.class);
    private final ChangeLog changeLog = mock(ChangeLog.class);
    private final SiteSettings settings = mock(SiteSettings.class);

    @Test
    void replaysChangesWrittenWhileTheNodeWasDown() throws Exception {
        when(settings.current()).thenReturn(new SiteSettings.Settings("T", "", "en", ZoneId.of("UTC"), 10, PrivacyContact.NONE));
        when(source.idsAfter(anyLong(), anyInt())).thenReturn(List.of());
        when(source.idsAfter(eq(0L), anyInt())).thenReturn(List.of(1L));
        when(source.contents(List.of(1L))).thenReturn(List.of(article(1, "Gannet migration")));
        when(changeLog.processedThrough()).thenReturn(5L);
        when(changeLog.latestSeq()).thenReturn(5L);

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
        when(settings.current()).thenReturn(new SiteSettings.Settings("T", "", "en", ZoneId.of("UTC"), 10, PrivacyContact.NONE));
        when(source.idsAfter(anyLong(), anyInt())).thenReturn(List.of());
        when(source.idsAfter(eq(0L), anyInt())).thenReturn(List.of(1L));
        when(source.contents(List.of(1L))).thenReturn(List.of(article(1, "Gannet migration")));
        when(changeLog.processedThrough()).thenReturn(5L);
        when(changeLog.latestSeq()).thenReturn(5L);
        LuceneSearchEngine first = engine();
        indexer(first).start();
        SearchIndexReady.await(first);
        first.commit(Map.of("change_seq", "5", "committed_at", java.time.Instant.now().toString()));
        first.destroy();

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

    private static ContentChanged comment(long seq) {
        return new ContentChanged(seq, ContentChanged.COMMENT, 40, 1L, ContentChanged.UPDATED, "other", OffsetDateTime.now());
    }

    private static ArticleContent article(long id, String title) {
        OffsetDateTime at = OffsetDateTime.now().minusDays(1);
        return new ArticleContent(id, "a-" + id, "en", title, "", "<p>" + title + "</p>", title, ArticleStatus.PUBLISHED,
                at, at, List.of(), List.of(), List.of(), null, "", "", "");
    }
}
