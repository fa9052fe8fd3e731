package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.broadsheet.support.PageOf;
import org.broadsheet.taxonomy.TaxonomyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The article SQL and the migrations under it, on the demo journal. Runs on H2 here and on PostgreSQL in
 * {@link ArticleRepositoryPostgresTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ArticleRepositoryTest {

    @Autowired
    ArticleRepository repository;
    @Autowired
    ArticleListings listings;
    @Autowired
    ArticleService articles;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoJournalIsLoadedOnce() {
        assertThat(articles.count()).isEqualTo(14);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM author").query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE status = 'APPROVED'").query(Long.class).single()).isGreaterThan(20);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM section WHERE parent_id IS NOT NULL").query(Long.class).single()).isGreaterThan(0);
    }

    @Test
    void publishedListsAreNewestFirstAndPaged() {
        PageOf<ArticleSummary> first = listings.latest(1, 5, ZoneOffset.UTC);
        assertThat(first.totalItems()).isEqualTo(14);
        assertThat(first.totalPages()).isEqualTo(3);
        assertThat(first.items()).hasSize(5);
        assertThat(first.items().stream().map(ArticleSummary::publishedAt).toList())
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(first.items().get(0).authors()).isNotEmpty();
        assertThat(first.items().get(0).sections()).isNotEmpty();
    }

    @Test
    void draftsAndFutureArticlesStayOffTheSite() {
        long draft = articles.create(new ArticleService.NewArticle("a-draft-" + System.nanoTime(), "en", "Draft", "", "Body",
                ArticleStatus.DRAFT, null, null, null, "", "", "", "", null, null, "", null, false, List.of(), List.of(), List.of()));
        long future = articles.create(new ArticleService.NewArticle("a-future-" + System.nanoTime(), "en", "Future", "", "Body",
                ArticleStatus.PUBLISHED, OffsetDateTime.now().plusDays(3), null, null, "", "", "", "", null, null, "", null, false,
                List.of(), List.of(), List.of()));
        List<Long> shown = listings.latest(1, 100, ZoneOffset.UTC).items().stream().map(ArticleSummary::id).toList();
        assertThat(shown).doesNotContain(draft, future);
        jdbc.sql("DELETE FROM article WHERE id IN (:ids)").param("ids", List.of(draft, future)).update();
    }

    @Test
    void sectionListsIncludeDescendants() {
        long opinion = taxonomy.sectionByPath("opinion").orElseThrow().id();
        long news = taxonomy.sectionByPath("opinion/news").orElseThrow().id();
        assertThat(taxonomy.withDescendants(opinion)).contains(opinion, news);
        long inOpinion = listings.inSections(taxonomy.withDescendants(opinion), 1, 50, ZoneOffset.UTC).totalItems();
        long inNews = listings.inSections(List.of(news), 1, 50, ZoneOffset.UTC).totalItems();
        assertThat(inOpinion).isGreaterThanOrEqualTo(inNews).isGreaterThan(0);
    }

    @Test
    void relatedAndTranslationsComeFromSharedSectionsTagsAndGroups() {
        Article ratchet = repository.findBySlug("the-sanctions-ratchet").orElseThrow();
        OffsetDateTime now = OffsetDateTime.now();
        assertThat(repository.related(ratchet.id(), now, 4)).isNotEmpty()
                .extracting(Article::id).doesNotContain(ratchet.id());
        assertThat(repository.translations(ratchet.translationGroup(), ratchet.id(), now))
                .extracting(Article::slug).containsExactly("khrapovik-sanktsiy");
        Map<Long, List<Long>> authors = repository.authorIds(List.of(ratchet.id()));
        assertThat(authors.get(ratchet.id())).hasSize(2);
    }

    @Test
    void bodyIsRenderedOnSave() {
        Article ratchet = repository.findBySlug("the-sanctions-ratchet").orElseThrow();
        assertThat(ratchet.bodyMd()).contains("[^1]");
        assertThat(ratchet.bodyHtml()).contains("class=\"footnote-ref\"").doesNotContain("[^1]");
        assertThat(ratchet.status()).isEqualTo(ArticleStatus.PUBLISHED);
    }
}
