package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.account.StaffUser;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.migrate.WxrImportBehaviourTest.Wxr;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What readers of the new site see of an imported WordPress site, where WordPress showed them less. */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class WxrImportAsReadersSeeItTest {

    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    ArticleService articles;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
    }

    ImportReport importText(String xml) {
        return WxrImportBehaviourTest.importText(importer, xml);
    }

    @Test
    void aPasswordProtectedPostIsKeptFromReadersAndTheReportSaysSo() throws Exception {
        ImportReport report = importText(Wxr.site(
                Wxr.item(80, "Members only", "members-only", "publish", "post", "<p>The board's minutes.</p>",
                        "<wp:post_password><![CDATA[enter]]></wp:post_password>"),
                Wxr.item(81, "For everyone", "for-everyone", "publish", "post", "<p>Open.</p>",
                        "<wp:post_password></wp:post_password>")));

        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        // Not found, as for a draft: never "withdrawn by the editors", since it was never public here.
        String protectedPage = mvc.perform(get("/2024/03/05/members-only/")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(protectedPage).text()).doesNotContain("minutes").doesNotContain("withdrawn");
        mvc.perform(get("/").param("p", "80")).andExpect(status().isNotFound());
        mvc.perform(get("/archives/80")).andExpect(status().isNotFound());
        mvc.perform(get("/2024/03/05/for-everyone/")).andExpect(status().isOk());
        String front = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(front).text()).doesNotContain("Members only").contains("For everyone");
        // Kept, not lost: an editor finds it in the newsroom and decides.
        assertThat(jdbc.sql("SELECT status FROM article WHERE slug = 'members-only'").query(String.class).single())
                .isEqualTo("ARCHIVED");
        assertThat(report.warnings()).anyMatch(w -> w.contains("post 80") && w.contains("password"));
    }

    @Test
    void aPrivatePostIsNotFoundAtEveryOldAddressAndGoesOnlineWithItsDate() throws Exception {
        importText(Wxr.site(Wxr.item(90, "Private notes", "private-notes", "private", "post", "<p>Staff only.</p>", "")));

        String page = mvc.perform(get("/2024/03/05/private-notes/")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).text()).doesNotContain("Staff only").doesNotContain("withdrawn");
        mvc.perform(get("/").param("p", "90")).andExpect(status().isNotFound());
        mvc.perform(get("/archives/90")).andExpect(status().isNotFound());

        // An editor who decides it may be public puts it online at the date WordPress gave it.
        StaffUser editor = accounts.create("editor" + System.nanoTime() + "@example.org", "Editor", "a long enough password",
                Role.EDITOR);
        Article imported = articles.find(articleId("private-notes")).orElseThrow();
        mvc.perform(post("/newsroom/articles/" + imported.id() + "/workflow").param("step", "RESTORE")
                .param("version", String.valueOf(imported.version())).with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/2024/03/05/private-notes/")).andExpect(status().isOk());
    }

    @Test
    void anImportedPostTheEditorsTakeDownIsGone() throws Exception {
        importText(Wxr.site(Wxr.item(95, "Retracted", "retracted", "publish", "post", "<p>Wrong.</p>", "")));
        Article published = articles.find(articleId("retracted")).orElseThrow();

        articles.changeStatus(published.id(), published.version(), ArticleStatus.ARCHIVED, published.publishedAt(), null);

        String page = mvc.perform(get("/2024/03/05/retracted/")).andExpect(status().isGone())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).text()).contains("withdrawn").doesNotContain("Wrong.");
    }

    private long articleId(String slug) {
        return jdbc.sql("SELECT id FROM article WHERE slug = :slug").param("slug", slug).query(Long.class).single();
    }

    @Test
    void theOldSitesCategoryArchivesMoveToTheirSections() throws Exception {
        importText(Wxr.site(Wxr.item(85, "Filed", "filed", "publish", "post", "Text",
                "<category domain=\"category\" nicename=\"child\"><![CDATA[Child]]></category>")));

        mvc.perform(get("/category/parent/child/")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/section/parent/child/"));
        mvc.perform(get("/category/parent/")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/section/parent/"));
        mvc.perform(get("/category/parent")).andExpect(status().isMovedPermanently());
        mvc.perform(get("/section/parent/child/")).andExpect(status().isOk());
        mvc.perform(get("/category/no-such-category/")).andExpect(status().isNotFound());
    }
}
