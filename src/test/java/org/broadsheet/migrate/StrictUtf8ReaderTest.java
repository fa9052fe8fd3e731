package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

    private static final String MIXED = "Sanctions, санкции, 制裁 — 🌍 and back to ASCII.\n";

    @Test
    void decodesAsTheJdkDoesWhenSequencesAreSplitAcrossReads() throws IOException {
        String text = MIXED.repeat(5_000);   // well past one buffer of bytes
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(readAll(new StrictUtf8Reader(new ByteArrayInputStream(bytes)), 8192)).isEqualTo(text);
        assertThat(readAll(new StrictUtf8Reader(oneByteAtATime(bytes)), 7)).isEqualTo(text);
    }

    @Test
    void handsOverTheTextBeforeABadByteThenFailsAtIt() throws IOException {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xFF, 'd'};
        Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
        char[] buffer = new char[100];

        assertThat(reader.read(buffer, 0, buffer.length)).isEqualTo(3);
        assertThat(new String(buffer, 0, 3)).isEqualTo("abc");
        assertThatThrownBy(() -> reader.read(buffer, 0, buffer.length)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void aSequenceCutOffByTheEndOfTheFileIsMalformedNotDropped() throws IOException {
        byte[] bytes = {'o', 'k', (byte) 0xE5, (byte) 0x88};   // the first two bytes of 制
        Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
        char[] buffer = new char[100];

        assertThat(reader.read(buffer, 0, buffer.length)).isEqualTo(2);
        assertThatThrownBy(() -> reader.read(buffer, 0, buffer.length)).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void anEmptyStreamEndsAtOnceAndStaysEnded() throws IOException {
        Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(new byte[0]));
        assertThat(reader.read(new char[10], 0, 10)).isEqualTo(-1);
        assertThat(reader.read(new char[10], 0, 10)).isEqualTo(-1);
    }

    private static String readAll(Reader reader, int chunk) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[chunk];
        int n;
        while ((n = reader.read(buffer, 0, buffer.length)) >= 0) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    private static InputStream oneByteAtATime(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }
}
