package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


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
        // An archived article answers 410 Gone, without its text.
        String protectedPage = mvc.perform(get("/2024/03/05/members-only/")).andExpect(status().isGone())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(protectedPage).text()).doesNotContain("minutes");
        mvc.perform(get("/").param("p", "80")).andExpect(status().isNotFound());
        mvc.perform(get("/2024/03/05/for-everyone/")).andExpect(status().isOk());
        String front = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(front).text()).doesNotContain("Members only").contains("For everyone");
        // Kept, not lost: an editor finds it in the newsroom and decides.
        assertThat(jdbc.sql("SELECT status FROM article WHERE slug = 'members-only'").query(String.class).single())
                .isEqualTo("ARCHIVED");
        assertThat(report.warnings()).anyMatch(w -> w.contains("post 80") && w.contains("password"));
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
