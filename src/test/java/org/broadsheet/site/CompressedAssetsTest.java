package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.decoder.Decoder;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The stylesheet as browsers fetch it: brotli or gzip when they accept it, the same bytes once decoded. */
@SpringBootTest
@AutoConfigureMockMvc
class CompressedAssetsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theStylesheetGoesCompressedToReadersWhoAcceptIt() throws Exception {
        String css = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString())
                .selectFirst("link[rel=stylesheet]").attr("href");
        MockHttpServletResponse plain = mvc.perform(get(css)).andReturn().getResponse();
        assertThat(plain.getStatus()).isEqualTo(200);
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(plain.getHeader("Vary")).contains("Accept-Encoding");
        assertThat(plain.getHeader("Cache-Control")).contains("immutable");
        byte[] original = plain.getContentAsByteArray();

        MockHttpServletResponse br = mvc.perform(get(css).header("Accept-Encoding", "gzip, deflate, br")).andReturn().getResponse();
        assertThat(br.getHeader("Content-Encoding")).isEqualTo("br");
        assertThat(br.getContentType()).startsWith("text/css");
        assertThat(Decoder.decompress(br.getContentAsByteArray()).getDecompressedData()).isEqualTo(original);
        assertThat(br.getContentAsByteArray().length).isLessThan(original.length / 2);

        MockHttpServletResponse gzip = mvc.perform(get(css).header("Accept-Encoding", "gzip")).andReturn().getResponse();
        assertThat(gzip.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.getContentAsByteArray())).readAllBytes()).isEqualTo(original);
        assertThat(gzip.getHeader("ETag")).isNotEqualTo(br.getHeader("ETag"));
    }

    @Test
    void thePlainAddressOfTheStylesheetIsAskedForAgainNotKeptForever() throws Exception {
        String css = Jsoup.parse(mvc.perform(get("/")).andReturn().getResponse().getContentAsString())
                .selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(css).matches("/assets/site-[0-9a-f]+\\.css");

        for (String encoding : new String[] {"identity", "gzip", "br"}) {
            MockHttpServletResponse plain = mvc.perform(get("/assets/site.css").header("Accept-Encoding", encoding))
                    .andReturn().getResponse();
            assertThat(plain.getStatus()).as(encoding).isEqualTo(200);
            assertThat(plain.getHeader("Cache-Control")).as(encoding).isEqualTo("no-cache").doesNotContain("immutable");
            assertThat(plain.getHeader("Last-Modified")).as(encoding).isNotNull();

            MockHttpServletResponse fingerprinted = mvc.perform(get(css).header("Accept-Encoding", encoding))
                    .andReturn().getResponse();
            assertThat(fingerprinted.getHeader("Cache-Control")).as(encoding).contains("immutable").contains("max-age=31536000");
        }
    }
}
