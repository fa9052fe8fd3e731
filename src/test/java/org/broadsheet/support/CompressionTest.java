package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import com.aayushatharva.brotli4j.decoder.Decoder;
import org.junit.jupiter.api.Test;

class CompressionTest {

    private final byte[] text = "<p>The ratchet turns one way only.</p>\n".repeat(200).getBytes(StandardCharsets.UTF_8);

    @Test
    void readsAcceptEncodingAsBrowsersAndProxiesSendIt() {
        assertThat(Compression.accepts("gzip, deflate, br, zstd", "br")).isTrue();
        assertThat(Compression.accepts("GZIP", "gzip")).isTrue();
        assertThat(Compression.accepts("br;q=0, gzip;q=0.8", "br")).isFalse();
        assertThat(Compression.accepts("br;q=0, gzip;q=0.8", "gzip")).isTrue();
        assertThat(Compression.accepts("gzip; q=0", "gzip")).isFalse();
        assertThat(Compression.accepts("*", "br")).isTrue();
        assertThat(Compression.accepts("*;q=0, gzip", "br")).isFalse();
        assertThat(Compression.accepts("identity", "gzip")).isFalse();
        assertThat(Compression.accepts("br;q=x", "br")).isFalse();
        assertThat(Compression.accepts(null, "gzip")).isFalse();
        // "gzip" inside another coding's name is not gzip.
        assertThat(Compression.accepts("x-gzipped", "gzip")).isFalse();
    }

    @Test
    void copiesDecodeToTheOriginal() throws Exception {
        byte[] gzip = Compression.gzip(text);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes()).isEqualTo(text);
        byte[] brotli = Compression.brotli(text, 5);
        assertThat(brotli).isNotNull().hasSizeLessThan(text.length / 10);
        assertThat(Decoder.decompress(brotli).getDecompressedData()).isEqualTo(text);
    }
}
