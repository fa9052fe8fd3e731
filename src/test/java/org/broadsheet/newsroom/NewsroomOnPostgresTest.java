package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.taxonomy.TaxonomyService;
import org.broadsheet.testing.MutableClock;
import org.broadsheet.testing.MutableClockConfig;
import org.broadsheet.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The newsroom's migrations and SQL (tokens, throttle, revisions, notes, previews, scheduling lock) on PostgreSQL. */
@SpringBootTest(properties = "broadsheet.publish-check-interval=PT1H")
@AutoConfigureMockMvc
@Import(MutableClockConfig.class)
@OnPostgres
class NewsroomOnPostgresTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    ArticleService articles;
    @Autowired
    Revisions revisions;
    @Autowired
    EditorialNotes notes;
    @Autowired
    PreviewLinks previews;
    @Autowired
    ScheduledPublisher publisher;
    @Autowired
    TaxonomyService taxonomy;
    @Autowired
    MutableClock clock;

    @Test
    void accountsTokensAndThrottleWork() throws Exception {
        StaffUser admin = accounts.create("pg-admin@example.org", "Admin", "a long enough password", Role.ADMINISTRATOR);
        String token = accounts.invite("pg-new@example.org", Role.AUTHOR, admin, "http://localhost");
        accounts.acceptInvitation(token, "New Person", "another long password");
        assertThat(accounts.byEmail("PG-NEW@example.org").orElseThrow().role()).isEqualTo(Role.AUTHOR);
        for (int i = 0; i < 6; i++) {
            mvc.perform(post("/newsroom/sign-in").param("email", "pg-new@example.org").param("password", "wrong " + i).with(csrf()));
        }
        String refused = mvc.perform(post("/newsroom/sign-in").param("email", "pg-new@example.org")
                .param("password", "another long password").with(csrf())).andReturn().getResponse().getRedirectedUrl();
        assertThat(refused).startsWith("/newsroom/sign-in?wait=");
    }

    @Test
    void articleLifecycleRevisionsNotesPreviewsAndScheduling() throws Exception {
        StaffUser editor = accounts.create("pg-editor@example.org", "Editor", "a long enough password", Role.EDITOR);
        long id = articles.create(new ArticleService.NewArticle("pg-piece", "en", "PG piece", "", "one", ArticleStatus.DRAFT,
                null, null, null, "", "", "", "", null, null, "", null, false, List.of(), List.of(), List.of()), editor.id());
        assertThat(articles.createdBy(id)).contains(editor.id());
        Article a = articles.find(id).orElseThrow();
        Article saved = articles.update(id, a.version(), new ArticleService.ArticleEdit("pg-piece", "en", "PG piece", "", "two",
                null, null, "", "", "", "", null, null, "", null, false, true, List.of(), List.of(), List.of()));
        revisions.record(saved, editor, true);
        revisions.record(saved, editor, true);
        assertThat(revisions.of(id)).hasSize(1);
        assertThat(articles.newsroomList(new ArticleService.NewsroomFilter(ArticleStatus.DRAFT, null, null, "en", "pg pie"), 0, 10))
                .extracting(Article::id).containsExactly(id);
        notes.add(id, editor, "Looks fine.");
        assertThat(notes.of(id)).hasSize(1);
        String link = previews.create(id);
        assertThat(previews.articleFor(link)).contains(id);

        articles.changeStatus(id, saved.version(), ArticleStatus.SCHEDULED, OffsetDateTime.now(clock).plusMinutes(5), null);
        publisher.publishDue();
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.SCHEDULED);
        clock.advance(Duration.ofMinutes(6));
        publisher.publishDue();
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(articles.publishDue()).isEmpty();
    }

    @Test
    void sectionMovesAndTagMergesRunOnPostgres() {
        long parent = taxonomy.createSection(null, "pg-top", "PG top", "", 99);
        long child = taxonomy.createSection(parent, "pg-child", "PG child", "", 0);
        long other = taxonomy.createSection(null, "pg-other", "PG other", "", 100);
        taxonomy.updateSection(parent, other, "pg-moved", "PG moved", "");
        assertThat(taxonomy.sectionByPath("pg-other/pg-moved/pg-child")).isPresent();
        assertThat(taxonomy.sectionsByIds(List.of(child)).get(child).path()).isEqualTo("pg-other/pg-moved/pg-child");
        long t1 = taxonomy.createTag("pg-one", "PG one");
        long t2 = taxonomy.createTag("pg-two", "PG two");
        long art = articles.create(new ArticleService.NewArticle("pg-tagged", "en", "Tagged", "", "x", ArticleStatus.DRAFT,
                null, null, null, "", "", "", "", null, null, "", null, false, List.of(), List.of(), List.of(t1, t2)));
        taxonomy.mergeTags(t1, t2);
        assertThat(articles.links(art).tagIds()).containsExactly(t2);
    }
}
