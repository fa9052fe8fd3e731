package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.broadsheet.demo.DemoJournal;
import org.broadsheet.migrate.WxrImportBehaviourTest.Wxr;
import org.broadsheet.site.SiteSettings;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The old site's name comes along with its posts, unless someone has already named the new site. */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class WxrImportSiteTitleTest {

    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    SiteSettings settings;
    @Autowired
    DemoJournal demo;

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
        // The wipe bypasses the settings service; a change through it drops what it kept.
        settings.put("test_marker", "wiped");
    }

    /** An export whose channel has this title and tagline. */
    static String export(String title, String tagline) {
        return Wxr.site(Wxr.item(10, "A post", "a-post", "publish", "post", "Text", ""))
                .replaceFirst("<title>Old Journal</title>", "<title>" + title + "</title><description>" + tagline + "</description>");
    }

    ImportReport importText(String xml) {
        return WxrImportBehaviourTest.importText(importer, xml);
    }

    Document front() throws Exception {
        return Jsoup.parse(mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void aNewSiteTakesTheOldSitesTitleAndTaglineAndReadersSeeThemAtOnce() throws Exception {
        assertThat(front().selectFirst(".site-title").text()).as("the default, nobody's choice").isEqualTo("Broadsheet");

        ImportReport report = importText(export("Harbour Letters &amp; Notes", "Dispatches from the quay"));

        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(settings.value(SiteSettings.TITLE, null)).isEqualTo("Harbour Letters & Notes");
        assertThat(settings.value(SiteSettings.TAGLINE, null)).isEqualTo("Dispatches from the quay");
        assertThat(report.summary()).contains("  site title set to \u201cHarbour Letters & Notes\u201d");
        // The front page was cached with the old title: the change clears it.
        Document page = front();
        assertThat(page.selectFirst(".site-title").text()).isEqualTo("Harbour Letters & Notes");
        assertThat(page.selectFirst(".tagline").text()).isEqualTo("Dispatches from the quay");
    }

    @Test
    void theDemoJournalsTitleIsReplaced() throws Exception {
        settings.put(SiteSettings.TITLE, demo.title());
        settings.put(SiteSettings.TAGLINE, "Analysis and argument on world affairs");
        assertThat(demo.title()).isEqualTo("The Meridian Review");

        ImportReport report = importText(export("Harbour Letters", "Dispatches from the quay"));

        assertThat(settings.current().title()).isEqualTo("Harbour Letters");
        assertThat(settings.current().tagline()).isEqualTo("Dispatches from the quay");
        assertThat(report.summary()).contains("  site title set to \u201cHarbour Letters\u201d");
        assertThat(front().selectFirst(".site-title").text()).isEqualTo("Harbour Letters");
    }

    @Test
    void aTitleAnAdministratorChoseIsKeptAndTheReportSaysSo() throws Exception {
        settings.put(SiteSettings.TITLE, "The Quayside Review");
        settings.put(SiteSettings.TAGLINE, "Chosen with care");

        ImportReport report = importText(export("Harbour Letters", "Dispatches from the quay"));

        assertThat(settings.current().title()).isEqualTo("The Quayside Review");
        assertThat(settings.current().tagline()).isEqualTo("Chosen with care");
        assertThat(String.join("\n", report.summary()))
                .contains("site title kept: \u201cThe Quayside Review\u201d (the export's is \u201cHarbour Letters\u201d")
                .doesNotContain("site title set");
        assertThat(front().selectFirst(".site-title").text()).isEqualTo("The Quayside Review");

        // Running the import again after the first one named the site keeps that name too.
        Sites.wipe(jdbc);
        importText(export("Harbour Letters", "Dispatches from the quay"));
        ImportReport again = importText(export("Harbour Letters", "Dispatches from the quay"));
        assertThat(again.summary()).contains("  site title kept: \u201cHarbour Letters\u201d");
    }

    @Test
    void aBlankChannelTitleChangesNothing() {
        ImportReport report = importText(export("  ", "A tagline without a title"));

        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(settings.value(SiteSettings.TITLE, null)).isNull();
        assertThat(settings.value(SiteSettings.TAGLINE, null)).isNull();
        assertThat(String.join("\n", report.summary())).doesNotContain("site title");
    }
}
