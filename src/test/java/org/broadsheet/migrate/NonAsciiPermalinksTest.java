package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.broadsheet.migrate.WxrImportBehaviourTest.Wxr;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A Russian, Greek or Japanese WordPress site's permalinks carry the post's name percent-encoded
 * ({@code /2021/04/05/%d1%81%d0%b0…-2021/}); the article gets an ASCII slug, and the old permalink, which has the
 * form of an article address, still leads readers to it.
 */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class NonAsciiPermalinksTest {

    static final String SANKTSII = "%d1%81%d0%b0%d0%bd%d0%ba%d1%86%d0%b8%d0%b8-2021";
    static final String EPIPEDO = "%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-2";
    static final String SEISAI = "%e5%88%b6%e8%a3%81";

    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void importRussianGreekAndJapanesePosts() {
        Sites.wipe(jdbc);
        ImportReport report = WxrImportBehaviourTest.importText(importer, Wxr.site(
                post(300, "Санкции 2021", SANKTSII, "https://old.example/2021/04/05/" + SANKTSII + "/", "2021-04-05"),
                post(301, "Επίπεδο 2", EPIPEDO, "https://old.example/2021/04/06/" + EPIPEDO + "/", "2021-04-06"),
                // WordPress.com writes a Japanese post's permalink with a romanised name of the author's choosing.
                post(302, "制裁と市場", SEISAI, "https://old.example/2021/04/07/seisai/", "2021-04-07")));
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
    }

    static String post(int id, String title, String postName, String link, String day) {
        return post(id, title, postName, "publish", "<link>" + link + "</link>", day, "");
    }

    /**
     * @param linkElement the item's {@code <link>} element, or "" for none
     * @param terms       its {@code <category>} elements
     */
    static String post(int id, String title, String postName, String status, String linkElement, String day, String terms) {
        return "<item><title><![CDATA[" + title + "]]></title>" + linkElement
                + "<dc:creator>editor1</dc:creator><guid isPermaLink=\"false\">https://old.example/?p=" + id + "</guid>"
                + "<content:encoded><![CDATA[<p>" + title + ".</p>]]></content:encoded>"
                + "<wp:post_id>" + id + "</wp:post_id><wp:post_date>" + day + " 10:00:00</wp:post_date>"
                + "<wp:post_date_gmt>" + ("draft".equals(status) ? "0000-00-00 00:00:00" : day + " 10:00:00")
                + "</wp:post_date_gmt><wp:post_name>" + postName + "</wp:post_name>"
                + "<wp:status>" + status + "</wp:status><wp:post_type>post</wp:post_type>" + terms + "</item>";
    }

    @Test
    void theOldPermalinkAsWordPressWroteItLeadsToTheArticle() throws Exception {
        movedTo("/2021/04/05/" + SANKTSII + "/", "/2021/04/05/sanktsii-2021/");
        movedTo("/2021/04/06/" + EPIPEDO + "/", "/2021/04/06/epipedo-2/");
        String japanese = location("/2021/04/07/seisai/");
        assertThat(japanese).startsWith("/2021/04/07/");
        String page = mvc.perform(get(japanese)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo("制裁と市場");
    }

    @Test
    void upperCaseEscapesAndTypedLettersLeadThereToo() throws Exception {
        // Browsers and other sites' links may write the escapes in upper case, or the letters themselves.
        movedTo("/2021/04/05/" + SANKTSII.toUpperCase() + "/", "/2021/04/05/sanktsii-2021/");
        mvc.perform(get("/2021/04/05/санкции-2021/")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/2021/04/05/sanktsii-2021/"));
        mvc.perform(get("/2021/04/06/επίπεδο-2/")).andExpect(status().isMovedPermanently())
                .andExpect(header().string("Location", "/2021/04/06/epipedo-2/"));
        // Without the closing slash, as WordPress also answered.
        movedTo("/2021/04/05/" + SANKTSII, "/2021/04/05/sanktsii-2021/");
    }

    @Test
    void anAddressNoPostEverHadIsStillNotFound() throws Exception {
        mvc.perform(get(URI.create("/2021/04/05/%d1%81%d0%b0-2021/"))).andExpect(status().isNotFound());
        mvc.perform(get("/2021/04/05/sanktsii-2022/")).andExpect(status().isNotFound());
    }

    private void movedTo(String oldAddress, String newAddress) throws Exception {
        assertThat(location(oldAddress)).isEqualTo(newAddress);
    }

    private String location(String oldAddress) throws Exception {
        return mvc.perform(get(URI.create(oldAddress))).andExpect(status().isMovedPermanently())
                .andReturn().getResponse().getHeader("Location");
    }
}
