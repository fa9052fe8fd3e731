package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void escapesEverythingAndMakesParagraphs() {
        Document doc = Jsoup.parseBodyFragment(CommentText.toHtml("<b>bold</b> & <script>x</script>\n\nSecond\nline"));
        assertThat(doc.select("p")).hasSize(2);
        assertThat(doc.select("b, script")).isEmpty();
        assertThat(doc.selectFirst("p").text()).isEqualTo("<b>bold</b> & <script>x</script>");
        assertThat(doc.select("p").get(1).select("br")).hasSize(1);
    }

    @Test
    void linksWebAddressesWithoutPassingOnRank() {
        Document doc = Jsoup.parseBodyFragment(CommentText.toHtml("See https://example.org/a?b=1&c=2. Thanks"));
        assertThat(doc.selectFirst("a").attr("href")).isEqualTo("https://example.org/a?b=1&c=2");
        assertThat(doc.selectFirst("a").attr("rel")).isEqualTo("nofollow ugc noopener");
        assertThat(doc.text()).endsWith(". Thanks");
    }

    @Test
    void doesNotLinkScriptAddresses() {
        assertThat(CommentText.toHtml("javascript:alert(1)")).doesNotContain("<a");
        assertThat(CommentService.webAddressOrNull("javascript:alert(1)")).isNull();
        assertThat(CommentService.webAddressOrNull(" https://example.org ")).isEqualTo("https://example.org");
    }
}
