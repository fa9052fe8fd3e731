package org.broadsheet.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoding in front of the XML parser, for speed (the JDK's decoder takes runs of ASCII many bytes at a
 * time; the parser's own reader goes byte by byte) without losing where a bad byte is. It hands over every
 * character before a malformed sequence and fails only on the read that starts at it, so the parser has
 * consumed exactly the text before it and reports that line and column. ({@link java.io.InputStreamReader}
 * drops what it decoded in the failing read, and the parser's position would then be up to a buffer earlier.)
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushed;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (flushed) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - offset;
            if (result.isError()) {
                if (produced > 0) {
                    return produced;   // the text up to the bad sequence first; the next read fails at it
                }
                throw new MalformedInputException(result.length());
            }
            if (result.isOverflow() || produced > 0) {
                return produced;
            }
            if (endOfInput) {
                flushed = true;
                decoder.flush(out);
                produced = out.position() - offset;
                return produced > 0 ? produced : -1;
            }
            fill();
        }
    }

    /** Keeps the unread tail (at most the start of one sequence) and reads more bytes after it. */
    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
