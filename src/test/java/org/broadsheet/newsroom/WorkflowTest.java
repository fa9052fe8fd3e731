package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.icegreen.greenmail.util.GreenMail;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleUrls;
import org.broadsheet.testing.MailServer;
import org.broadsheet.testing.MutableClock;
import org.broadsheet.testing.MutableClockConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Draft → review → scheduled → published → archived, notes and preview links, with a clock the test moves. */
@SpringBootTest(properties = "broadsheet.publish-check-interval=PT1H")
@AutoConfigureMockMvc
@Import({MutableClockConfig.class, MailServer.class})
class WorkflowTest {

    @Autowired
    GreenMail mail;
    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    ArticleService articles;
    @Autowired
    ScheduledPublisher publisher;
    @Autowired
    MutableClock clock;

    private StaffUser staff(Role role) {
        return accounts.create(role.name().toLowerCase() + System.nanoTime() + "@example.org", role.label() + " Person",
                "a long enough password", role);
    }

    private long draft(StaffUser u, String title) throws Exception {
        String location = mvc.perform(post("/newsroom/articles/").param("title", title).param("language", "en")
                .with(user(u)).with(csrf())).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    private MvcResult step(StaffUser u, long id, String step, String... more) throws Exception {
        var req = post("/newsroom/articles/" + id + "/workflow").param("step", step)
                .param("version", String.valueOf(articles.find(id).orElseThrow().version())).with(user(u)).with(csrf());
        for (int i = 0; i < more.length; i += 2) {
            req.param(more[i], more[i + 1]);
        }
        return mvc.perform(req).andReturn();
    }

    @Test
    void contributorSubmitsAndTheEditorsAreEmailed() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        StaffUser contributor = staff(Role.CONTRIBUTOR);
        long id = draft(contributor, "Submitted piece");
        Document page = Jsoup.parse(mvc.perform(get("/newsroom/articles/" + id + "/").with(user(contributor))).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".workflow-form button[name=step]")).extracting(e -> e.val()).containsExactly("SUBMIT");
        step(contributor, id, "SUBMIT");
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(MailServer.await(mail, editor.email(), 1)).isNotEmpty();
        assertThat(MailServer.await(mail, editor.email(), 1)[0].getSubject()).isEqualTo("For review: Submitted piece");
        // Once submitted, the contributor can no longer change it.
        MvcResult edit = mvc.perform(post("/newsroom/articles/" + id + "/").param("title", "Changed").param("language", "en")
                .param("version", "1").with(user(contributor)).with(csrf())).andReturn();
        assertThat(edit.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void contributorIsRefusedPublishing() throws Exception {
        StaffUser contributor = staff(Role.CONTRIBUTOR);
        long id = draft(contributor, "Eager piece");
        MvcResult r = step(contributor, id, "PUBLISH");
        assertThat(r.getResponse().getStatus()).isEqualTo(403);
        assertThat(Jsoup.parse(r.getResponse().getContentAsString()).select("[role=alert]").text()).contains("Contributors cannot publish");
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void scheduledArticleGoesLiveAtItsMinuteExactlyOnce() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        long id = draft(editor, "Scheduled piece");
        OffsetDateTime at = OffsetDateTime.now(clock).plusMinutes(10);
        String local = at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        step(editor, id, "SCHEDULE", "publishAt", local);
        Article scheduled = articles.find(id).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(ArticleStatus.SCHEDULED);
        String url = ArticleUrls.of(scheduled.publishedAt(), scheduled.slug(), ZoneOffset.UTC);

        publisher.publishDue();
        assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus()).isEqualTo(404);

        clock.advance(Duration.ofMinutes(11));
        assertThat(articles.publishDue()).containsExactly(id);
        assertThat(articles.publishDue()).isEmpty();
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
        Document page = Jsoup.parse(mvc.perform(get(url)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Scheduled piece");
    }

    @Test
    void schedulingInThePastOrWithABadDateIsExplained() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        long id = draft(editor, "Badly scheduled");
        MvcResult past = step(editor, id, "SCHEDULE", "publishAt", "2001-01-01T10:00");
        assertThat(past.getResponse().getRedirectedUrl()).contains("error=");
        String location = past.getResponse().getRedirectedUrl();
        String error = java.net.URLDecoder.decode(location.substring(location.indexOf("error=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        Document page = Jsoup.parse(mvc.perform(get("/newsroom/articles/" + id + "/").param("error", error).with(user(editor)))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("[role=alert]").text()).contains("must be in the future");
        MvcResult bad = step(editor, id, "SCHEDULE", "publishAt", "tomorrow-ish");
        assertThat(bad.getResponse().getRedirectedUrl()).contains("error=");
        assertThat(articles.find(id).orElseThrow().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void archivedArticleAnswersGoneOrRedirects() throws Exception {
        StaffUser editor = staff(Role.EDITOR);
        long gone = draft(editor, "Withdrawn piece");
        step(editor, gone, "PUBLISH");
        Article published = articles.find(gone).orElseThrow();
        String url = ArticleUrls.of(published.publishedAt(), published.slug(), ZoneOffset.UTC);
        assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus()).as(published + " " + url + " " + OffsetDateTime.now(clock)).isEqualTo(200);
        step(editor, gone, "ARCHIVE");
        assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus()).isEqualTo(410);

        long moved = draft(editor, "Replaced piece");
        step(editor, moved, "PUBLISH");
        Article p2 = articles.find(moved).orElseThrow();
        step(editor, moved, "ARCHIVE", "redirect", "/section/opinion/");
        MvcResult r = mvc.perform(get(ArticleUrls.of(p2.publishedAt(), p2.slug(), ZoneOffset.UTC))).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(301);
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/section/opinion/");
    }

    @Test
    void editorialNotesAreAThreadForStaffOnly() throws Exception {
        StaffUser contributor = staff(Role.CONTRIBUTOR);
        StaffUser editor = staff(Role.EDITOR);
        long id = draft(contributor, "Noted piece");
        mvc.perform(post("/newsroom/articles/" + id + "/notes").param("body", "Tighten the second paragraph.").with(user(editor)).with(csrf()));
        mvc.perform(post("/newsroom/articles/" + id + "/notes").param("body", "Done.").with(user(contributor)).with(csrf()));
        Document page = Jsoup.parse(mvc.perform(get("/newsroom/articles/" + id + "/").with(user(contributor))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#notes .note-body")).extracting(e -> e.text()).containsExactly("Tighten the second paragraph.", "Done.");
        StaffUser stranger = staff(Role.CONTRIBUTOR);
        assertThat(mvc.perform(post("/newsroom/articles/" + id + "/notes").param("body", "Me too").with(user(stranger)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/newsroom/articles/" + id + "/notes").param("body", "Anonymous").with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void unpublishedArticlesPreviewForStaffAndBySecretLinkUntilItExpires() throws Exception {
        StaffUser author = staff(Role.AUTHOR);
        long id = draft(author, "Preview piece");
        assertThat(mvc.perform(get("/preview/article/" + id + "/")).andReturn().getResponse().getStatus()).isEqualTo(302);
        Document staffView = Jsoup.parse(mvc.perform(get("/preview/article/" + id + "/").with(user(author))).andReturn().getResponse().getContentAsString());
        assertThat(staffView.select("h1").text()).isEqualTo("Preview piece");

        MvcResult made = mvc.perform(post("/newsroom/articles/" + id + "/preview-link").with(user(author)).with(csrf())).andReturn();
        String link = (String) made.getFlashMap().get("previewLink");
        String path = link.substring(link.indexOf("/preview/"));
        MvcResult anonymous = mvc.perform(get(path)).andReturn();
        assertThat(anonymous.getResponse().getStatus()).isEqualTo(200);
        assertThat(anonymous.getResponse().getHeader("X-Robots-Tag")).contains("noindex");
        assertThat(Jsoup.parse(anonymous.getResponse().getContentAsString()).select("h1").text()).isEqualTo("Preview piece");
        clock.advance(PreviewLinks.VALIDITY.plusMinutes(1));
        assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
