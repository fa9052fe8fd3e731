package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Reading the old site's permalink structure from its published posts' links, and what it gives a post the export
 * names only by its {@code post_name}: an address only where the links leave no doubt.
 */
class PermalinkStructureTest {

    private static final String SEISAI = "%e5%88%b6%e8%a3%81";

    @Test
    void theDateAndNameStructureGivesAJapanesePostItsAddress() {
        PermalinkStructure structure = learned(
                post(10, "sanctions", "2021-04-05 10:00:00", "/2021/04/05/sanctions/"),
                post(11, "%e5%b8%82%e5%a0%b4", "2021-04-06 10:00:00", "/2021/04/06/市場/"));
        assertThat(structure.known()).isEqualTo("/%year%/%monthnum%/%day%/%postname%/");
        assertThat(structure.addressOf(fields(12, SEISAI, "2021-04-07 23:30:00"))).isEqualTo("/2021/04/07/制裁/");
    }

    @Test
    void otherCommonStructuresAreReadToo() {
        assertThat(learned(post(10, "sanctions", "2021-04-05 10:00:00", "/sanctions/"))
                .addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isEqualTo("/制裁/");
        assertThat(learned(post(10, "sanctions", "2021-04-05 10:00:00", "/2021/04/sanctions"))
                .addressOf(fields(12, SEISAI, "2021-05-07 10:00:00"))).isEqualTo("/2021/05/制裁");
        // Popular on Japanese sites: the id or the name with .html; the text around a tag needs two posts to be sure of.
        assertThat(learned(post(10, "sanctions", "2021-04-05 10:00:00", "/archives/10.html"),
                post(11, "markets", "2021-04-06 10:00:00", "/archives/11.html"))
                .addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isEqualTo("/archives/12.html");
        assertThat(learned(post(10, "sanctions", "2021-04-05 10:00:00", "/blog/sanctions.html"),
                post(11, "markets", "2021-04-06 10:00:00", "/blog/markets.html"))
                .addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isEqualTo("/blog/制裁.html");
    }

    /** {@code /news/sanctions/}: WordPress's {@code %category%}, whose choice among a post's categories is not in the export. */
    @Test
    void aStructureWithTheCategoryOrTheAuthorGivesNoAddress() {
        PermalinkStructure byCategory = learned(post(10, "sanctions", "2021-04-05 10:00:00", "/news/sanctions/", "news"));
        assertThat(byCategory.addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isNull();
        assertThat(byCategory.unknownBecause()).contains("/news/sanctions/").contains("(news)");
        // A Japanese category's slug, which WordPress keeps percent-encoded, as the link has it.
        PermalinkStructure byJapaneseCategory = learned(post(10, "sanctions", "2021-04-05 10:00:00", "/ニュース/sanctions/",
                "%e3%83%8b%e3%83%a5%e3%83%bc%e3%82%b9"));
        assertThat(byJapaneseCategory.addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isNull();
        PermalinkStructure byAuthor = learned(post(10, "sanctions", "2021-04-05 10:00:00", "/editor1/sanctions/"));
        assertThat(byAuthor.addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isNull();
    }

    @Test
    void linksThatDisagreeGiveNoAddress() {
        // A link edited by hand (or from a plugin) that its post's name does not explain.
        PermalinkStructure structure = learned(post(10, "sanctions", "2021-04-05 10:00:00", "/sanctions/"),
                post(11, "with-tags", "2021-04-06 10:00:00", "/tags/"));
        assertThat(structure.addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isNull();
        assertThat(structure.showsPrettyLinks()).isTrue();
    }

    /** One post of 4 April: is {@code /2021/04/04/} year, month, day or year, day, month? Only more posts could tell. */
    @Test
    void aLinkThatCanBeReadTwoWaysGivesAnAddressOnlyWhereBothReadingsAgree() {
        PermalinkStructure structure = learned(post(10, "sanctions", "2021-04-04 10:00:00", "/2021/04/04/sanctions/"));
        assertThat(structure.addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isNull();
        assertThat(structure.addressOf(fields(12, SEISAI, "2021-05-05 10:00:00"))).isEqualTo("/2021/05/05/制裁/");
        learn(structure, post(11, "markets", "2021-04-06 10:00:00", "/2021/04/06/markets/"));
        assertThat(structure.addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isEqualTo("/2021/04/07/制裁/");
    }

    @Test
    void noPrettyLinkAndAStructureWithoutTheNameOrIdGiveNoAddress() {
        PermalinkStructure none = new PermalinkStructure();
        assertThat(none.showsPrettyLinks()).isFalse();
        assertThat(none.addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isNull();
        // The post's name is its date here: the link names nothing that another post could be found by.
        assertThat(learned(post(10, "2021", "2021-04-05 10:00:00", "/2021/"))
                .addressOf(fields(12, SEISAI, "2021-04-07 10:00:00"))).isNull();
        // A post without a date cannot be placed in a dated structure.
        assertThat(learned(post(10, "sanctions", "2021-04-05 10:00:00", "/2021/04/05/sanctions/"))
                .addressOf(fields(12, SEISAI, "0000-00-00 00:00:00"))).isNull();
    }

    private static PermalinkStructure learned(Wxr.Item... posts) {
        PermalinkStructure structure = new PermalinkStructure();
        for (Wxr.Item post : posts) {
            learn(structure, post);
        }
        return structure;
    }

    private static void learn(PermalinkStructure structure, Wxr.Item post) {
        structure.learn(post, WxrFields.pathOf(post.link()));
    }

    private static Map<String, String> fields(int id, String postName, String date) {
        return PermalinkStructure.fields(post(id, postName, date, "https://old.example/?p=" + id));
    }

    private static Wxr.Item post(int id, String postName, String date, String link, String... categories) {
        List<Wxr.ItemTerm> terms = java.util.Arrays.stream(categories).map(c -> new Wxr.ItemTerm("category", c, c)).toList();
        return new Wxr.Item("Post " + id, link.startsWith("/") ? "https://old.example" + link : link, "editor1",
                "https://old.example/?p=" + id, "", "", String.valueOf(id), date, date, date, date, "open", postName,
                "publish", "0", "post", false, "", "", terms, List.of(), List.of(), 1);
    }
}
