package org.broadsheet.migrate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an export whose declaration names an ASCII-based encoding other than UTF-8 (ISO-8859-1, windows-1252…)
 * as that encoding, unless its text is UTF-8 after all. WordPress writes nothing but UTF-8, so such a declaration
 * was usually changed by hand or by a tool, and trusting it would garble every non-Latin title (Cyrillic as
 * "Ð¡Ð°Ð½ÐºÑ…") without an error. Up to the first byte beyond ASCII both readings agree; there the bytes that
 * follow (a buffer's worth) decide: all valid UTF-8 means UTF-8, and the caller is told; anything else is the
 * declared encoding, as before.
 */
final class DeclaredEncodingReader extends Reader {

    private final InputStream in;
    private final Charset declared;
    private final Runnable readAsUtf8;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean endOfInput;
    private Reader decided;

    /** @param readAsUtf8 run once if the text turns out to be UTF-8 */
    DeclaredEncodingReader(InputStream in, Charset declared, Runnable readAsUtf8) {
        this.in = in;
        this.declared = declared;
        this.readAsUtf8 = readAsUtf8;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (decided != null) {
            return decided.read(target, offset, length);
        }
        if (length == 0) {
            return 0;
        }
        if (position == limit) {
            position = 0;
            limit = 0;
            fill();
            if (limit == 0) {
                decide();   // only ASCII, to the end: either reading gives the same text
                return decided.read(target, offset, length);
            }
        }
        int n = Math.min(length, limit - position);
        int ascii = 0;
        while (ascii < n && buffer[position + ascii] >= 0) {
            target[offset + ascii] = (char) buffer[position + ascii];
            ascii++;
        }
        position += ascii;
        if (ascii > 0) {
            return ascii;
        }
        decide();
        return decided.read(target, offset, length);
    }

    /** At the first byte beyond ASCII (or the end): looks at as much as the buffer holds from there, and chooses. */
    private void decide() throws IOException {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < buffer.length && !endOfInput) {
            fill();
        }
        InputStream rest = new SequenceInputStream(new ByteArrayInputStream(buffer, 0, limit), in);
        if (limit > 0 && isUtf8(buffer, limit, endOfInput)) {
            decided = new StrictUtf8Reader(rest);
            readAsUtf8.run();
        } else {
            decided = new InputStreamReader(rest, declared);
        }
    }

    private void fill() throws IOException {
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            endOfInput = true;
        } else {
            limit += n;
        }
    }

    /** Whether the bytes are valid UTF-8; a sequence cut off by the end of the buffer (not of the file) counts as valid. */
    private static boolean isUtf8(byte[] bytes, int length, boolean whole) {
        return !StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length), CharBuffer.allocate(length), whole)
                .isError();
    }

    @Override
    public void close() throws IOException {
        if (decided != null) {
            decided.close();
        } else {
            in.close();
        }
    }
}
