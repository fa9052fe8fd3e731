package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.broadsheet.article.ArticleChanged;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.change.ChangeLog;
import org.broadsheet.change.ContentChanged;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index follows the database through the change log: each mutation writes a row in its transaction, the
 * dispatcher publishes it, and the indexer re-reads the article.
 */
@SpringBootTest
class IndexFollowsChangesTest {

    @Autowired
    SearchEngine engine;
    @Autowired
    ArticleService articles;
    @Autowired
    ChangeLog changeLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void indexReady() {
        SearchIndexReady.await(engine);
    }

    @Test
    void publishUpdateArchiveAndDeleteShowInSearch() {
        long id = articles.create(article("quokka-diplomacy", "Quokka diplomacy", "The quokka summit surprised everyone.",
                ArticleStatus.PUBLISHED, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)));
        awaitFound("quokka", id);

        mutate(id, "UPDATE article SET title = 'Wombat diplomacy', body_md = 'Wombats', body_html = '<p>The wombat summit.</p>' WHERE id = :id");
        awaitFound("wombat", id);
        awaitMissing("quokka", id);

        mutate(id, "UPDATE article SET status = 'ARCHIVED' WHERE id = :id");
        awaitMissing("wombat", id);

        mutate(id, "UPDATE article SET status = 'PUBLISHED' WHERE id = :id");
        awaitFound("wombat", id);

        mutate(id, "DELETE FROM article WHERE id = :id");
        awaitMissing("wombat", id);

        List<ContentChanged> rows = changeLog.after(0, 10_000).stream()
                .filter(r -> r.isArticle() && r.entityId() == id).toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(4).action()).isEqualTo(ContentChanged.DELETED);
        assertThat(rows).allMatch(r -> r.nodeId().equals(changeLog.nodeId()));
    }

    @Test
    void draftsAndScheduledArticlesAreNotFound() {
        long draft = articles.create(article("platypus-draft", "Platypus draft", "A platypus in draft.",
                ArticleStatus.DRAFT, null));
        long scheduled = articles.create(article("platypus-later", "Platypus later", "A platypus tomorrow.",
                ArticleStatus.PUBLISHED, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)));
        long marker = articles.create(article("platypus-now", "Platypus now", "A platypus today.",
                ArticleStatus.PUBLISHED, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)));
        awaitFound("platypus", marker);
        List<Long> found = ids("platypus");
        assertThat(found).contains(marker).doesNotContain(draft, scheduled);
    }

    @Test
    void changesWrittenByAnotherNodeAreFollowedToo() {
        long id = articles.create(article("numbat-notes", "Numbat notes", "Numbats everywhere.", ArticleStatus.DRAFT, null));
        // Another node publishes: it changes the row and writes the log; this node hears only the table.
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE article SET status = 'PUBLISHED', published_at = :at WHERE id = :id")
                    .param("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).param("id", id).update();
            jdbc.sql("INSERT INTO change_log (entity, entity_id, article_id, action, node_id, created_at) " +
                            "VALUES ('article', :id, :id, 'UPDATED', 'other-node', :at)")
                    .param("id", id).param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        });
        awaitFound("numbat", id);
    }

    private void mutate(long id, String sql) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(sql).param("id", id).update();
            events.publishEvent(new ArticleChanged(id, "slug"));
        });
    }

    private List<Long> ids(String text) {
        return engine.search(new SearchQuery(text, null, null, null, null, null, false, 1, 50)).hits().stream()
                .map(SearchResults.Hit::id).toList();
    }

    private void awaitFound(String text, long id) {
        SearchIndexReady.until(() -> ids(text).contains(id), "article " + id + " to be found by \"" + text + "\"");
    }

    private void awaitMissing(String text, long id) {
        SearchIndexReady.until(() -> !ids(text).contains(id), "article " + id + " to leave \"" + text + "\"");
    }

    private static ArticleService.NewArticle article(String slug, String title, String body, ArticleStatus status,
                                                     OffsetDateTime publishedAt) {
        return new ArticleService.NewArticle(slug, "en", title, "", body, status, publishedAt, null, null, null, null,
                null, null, null, null, null, null, false, List.of(), List.of(), List.of());
    }
}
