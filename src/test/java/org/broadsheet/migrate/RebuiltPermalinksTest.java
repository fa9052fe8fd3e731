package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.migrate.NonAsciiPermalinksTest.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;

import org.broadsheet.article.ArticleService;
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
 * A Japanese post whose export gives its address only through {@code post_name}: scheduled when the export was
 * made (WordPress writes its {@code <link>} as {@code /?p=ID}; the old site published it at its pretty address
 * later), or written by a tool that left {@code <link>} out. Its old, percent-encoded address is rebuilt from
 * the permalink structure that the export's published posts show, and leads to the article; where the export
 * does not show the structure beyond doubt, no address is made up.
 */
@SpringBootTest(properties = "broadsheet.demo-content=false")
@AutoConfigureMockMvc
class RebuiltPermalinksTest {

    static final String SHIJO = "%e5%b8%82%e5%a0%b4";
    static final String SEISAI = "%e5%88%b6%e8%a3%81";
    static final String SENKYO = "%e9%81%b8%e6%8c%99";
    static final String KAIGI = "%e4%bc%9a%e8%ad%b0";

    @Autowired
    WxrImporter importer;
    @Autowired
    ArticleService articles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
    }

    @Test
    void aScheduledPostAndOneWithoutALinkGetTheirOldAddressesFromTheStructure() throws Exception {
        ImportReport report = WxrImportBehaviourTest.importText(importer, Wxr.site(
                post(300, "Sanctions", "sanctions", "publish", "<link>https://old.example/2021/04/05/sanctions/</link>", "2021-04-05", ""),
                post(301, "市場", SHIJO, "publish", "<link>https://old.example/2021/04/06/" + SHIJO + "/</link>", "2021-04-06", ""),
                // Exported while scheduled, for a day that has passed since.
                post(302, "制裁と市場", SEISAI, "future", "<link>https://old.example/?p=302</link>", "2021-04-07", ""),
                post(303, "選挙", SENKYO, "publish", "", "2021-04-08", ""),
                // A draft had no address: WordPress gives drafts their name without making it unique.
                post(304, "会議", KAIGI, "draft", "<link>https://old.example/?p=304</link>", "2021-04-09", "")));
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("2 posts exported without a pretty permalink")
                .contains("given the old address")
                .contains("/%year%/%monthnum%/%day%/%postname%/"));
        articles.publishDue();

        String scheduled = location("/2021/04/07/" + SEISAI + "/");
        assertThat(location("/2021/04/07/" + SEISAI.toUpperCase() + "/")).isEqualTo(scheduled);
        assertThat(titleAt(scheduled)).isEqualTo("制裁と市場");
        assertThat(titleAt(location("/2021/04/08/" + SENKYO + "/"))).isEqualTo("選挙");
        // The published posts' own links still lead to them.
        assertThat(titleAt(location("/2021/04/06/" + SHIJO + "/"))).isEqualTo("市場");

        mvc.perform(get(URI.create("/2021/04/09/" + KAIGI + "/"))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM redirect WHERE old_path LIKE '/2021/04/09/%'").query(Long.class).single()).isZero();
    }

    /**
     * {@code /news/sanctions/}: the structure has the post's category in it, and which of its categories WordPress
     * picked is not in the export, so the scheduled post keeps only {@code /?p=302}; the report says why.
     */
    @Test
    void noAddressIsMadeUpWhenTheLinksDoNotShowTheStructure() throws Exception {
        String news = "<category domain=\"category\" nicename=\"news\"><![CDATA[News]]></category>";
        String world = "<category domain=\"category\" nicename=\"world\"><![CDATA[World]]></category>";
        ImportReport report = WxrImportBehaviourTest.importText(importer, Wxr.site(
                post(300, "Sanctions", "sanctions", "publish", "<link>https://old.example/news/sanctions/</link>", "2021-04-05", news),
                post(301, "市場", SHIJO, "publish", "<link>https://old.example/world/" + SHIJO + "/</link>", "2021-04-06", world),
                post(302, "制裁と市場", SEISAI, "future", "<link>https://old.example/?p=302</link>", "2021-04-07", world + news)));
        assertThat(report.state()).isEqualTo(ImportReport.State.FINISHED);
        assertThat(report.notes()).anySatisfy(note -> assertThat(note).contains("1 post exported without a pretty permalink")
                .contains("kept only /?p=ID").contains("/news/sanctions/"));
        articles.publishDue();

        for (String guess : new String[] {"/news/" + SEISAI + "/", "/world/" + SEISAI + "/", "/" + SEISAI + "/"}) {
            mvc.perform(get(URI.create(guess))).andExpect(status().isNotFound());
        }
        assertThat(titleAt(location("/?p=302"))).isEqualTo("制裁と市場");
        assertThat(jdbc.sql("SELECT old_path FROM redirect WHERE article_id = (SELECT target_id FROM migration_source "
                + "WHERE kind = 'post' AND source_id = '302')").query(String.class).list()).containsExactly("/?p=302");
    }

    private String location(String oldAddress) throws Exception {
        return mvc.perform(get(URI.create(oldAddress))).andExpect(status().isMovedPermanently())
                .andReturn().getResponse().getHeader("Location");
    }

    private String titleAt(String address) throws Exception {
        String page = mvc.perform(get(URI.create(address))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Jsoup.parse(page).select("h1").text();
    }
}
