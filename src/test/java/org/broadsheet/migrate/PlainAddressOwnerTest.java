package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;

import org.broadsheet.migrate.WxrImportBehaviourTest.Wxr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /?p=ID} leads to the post whose id it is, as in WordPress, even when another post's {@code <guid>}
 * names that address (a post copied or re-created keeps the GUID of the one it came from), wherever the two
 * stand in the file and however often the file is imported.
 */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class PlainAddressOwnerTest {

    static final String ORIGINAL = post(568, "Image (Linked)", "image-linked", 568);
    static final String COPY = post(1158, "Image", "image", 568);

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

    /** A post whose GUID is {@code /?p=guidId}. */
    static String post(int id, String title, String slug, int guidId) {
        return Wxr.item(id, title, slug, "publish", "post", "Text", "")
                .replace("https://old.example/?p=" + id + "</guid>", "https://old.example/?p=" + guidId + "</guid>");
    }

    @Test
    void thePostWithTheIdWinsOverALaterPostsGuid() throws Exception {
        importText(Wxr.site(ORIGINAL, COPY));

        assertThat(location("/?p=568")).isEqualTo("/2024/03/05/image-linked/");
        assertThat(location("/?p=1158")).isEqualTo("/2024/03/05/image/");
    }

    @Test
    void thePostWithTheIdWinsOverAnEarlierPostsGuid() throws Exception {
        importText(Wxr.site(COPY, ORIGINAL));

        assertThat(location("/?p=568")).isEqualTo("/2024/03/05/image-linked/");
    }

    @Test
    void aSecondImportKeepsTheAddressWithItsPost() throws Exception {
        importText(Wxr.site(ORIGINAL, COPY));
        importText(Wxr.site(ORIGINAL, COPY));
        assertThat(location("/?p=568")).isEqualTo("/2024/03/05/image-linked/");

        // An export of only the copy (a date range, one category) does not take the address over either.
        importText(Wxr.site(COPY));
        assertThat(location("/?p=568")).isEqualTo("/2024/03/05/image-linked/");
    }

    @Test
    void aGuidNamingNoImportedPostStillLeadsToItsPost() throws Exception {
        importText(Wxr.site(post(1200, "Re-created", "re-created", 9)));

        assertThat(location("/?p=9")).isEqualTo("/2024/03/05/re-created/");
    }

    @Test
    void theThemeUnitTestsImagePostsKeepTheirOwnAddresses() throws Exception {
        WxrImportRealDataTest.requireData();
        Path file = WxrImportRealDataTest.DATA.resolve("theme-test-data/themeunittestdata.wordpress.xml");
        ImportReport report = importer.newReport(file);
        importer.run(file, null, report);

        // Posts 1158 and 1161, later in the file, carry the GUIDs ?p=568 and ?p=582.
        assertThat(location("/?p=568")).endsWith("/post-format-image-linked/");
        assertThat(location("/?p=582")).endsWith("/post-format-video-wordpresstv/");
        assertThat(location("/?p=1158")).endsWith("/post-format-image/");
    }

    private void importText(String xml) {
        assertThat(WxrImportBehaviourTest.importText(importer, xml).state()).isEqualTo(ImportReport.State.FINISHED);
    }

    private String location(String oldAddress) throws Exception {
        return mvc.perform(get(oldAddress)).andExpect(status().isMovedPermanently())
                .andReturn().getResponse().getHeader("Location");
    }
}
