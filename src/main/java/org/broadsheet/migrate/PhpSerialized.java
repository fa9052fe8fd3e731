package org.broadsheet.migrate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a value in PHP's {@code serialize()} format, which is how WordPress stores structured post meta and how
 * its export carries it ({@code _wp_attachment_metadata}: an image's size and resized copies). Only data is read —
 * null, booleans, integers, floats, strings, arrays and plain objects (as maps) — never a class to instantiate, so
 * a hostile export can at worst be refused. A string's length counts UTF-8 bytes, as PHP's does, so the text is
 * read as bytes, not characters.
 */
final class PhpSerialized {

    private static final int MAX_DEPTH = 16;
    private static final int MAX_ENTRIES = 10_000;

    private final byte[] in;
    private int pos;
    private int entries;

    /** Thrown for anything that is not a complete serialized value; says what was expected and at which byte. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private PhpSerialized(byte[] in) {
        this.in = in;
    }

    /**
     * The value: {@code null}, {@link Boolean}, {@link Long}, {@link Double}, {@link String}, or a {@link Map} with
     * {@link Long} or {@link String} keys in their order.
     */
    static Object read(String text) throws Malformed {
        PhpSerialized reader = new PhpSerialized(text.strip().getBytes(StandardCharsets.UTF_8));
        Object value = reader.value(0);
        if (reader.pos != reader.in.length) {
            throw new Malformed("unexpected text after the value at byte " + reader.pos);
        }
        return value;
    }

    private Object value(int depth) throws Malformed {
        if (pos >= in.length) {
            throw new Malformed("the value ends early, at byte " + pos);
        }
        char type = (char) in[pos++];
        return switch (type) {
            case 'N' -> {
                expect(';');
                yield null;
            }
            case 'b' -> {
                expect(':');
                long b = integer(';');
                if (b != 0 && b != 1) {
                    throw new Malformed("a boolean is 0 or 1, not " + b + ", at byte " + pos);
                }
                yield b == 1;
            }
            case 'i' -> {
                expect(':');
                yield integer(';');
            }
            case 'd' -> {
                expect(':');
                yield decimal();
            }
            case 's' -> {
                expect(':');
                yield string();
            }
            case 'a' -> {
                expect(':');
                yield array(depth);
            }
            case 'O' -> {
                // A plain object (stdClass in WordPress's meta): its class name is read and dropped, its
                // properties read like an array's entries.
                expect(':');
                string('"', ':');
                yield array(depth);
            }
            default -> throw new Malformed("'" + type + "' at byte " + (pos - 1) + " is not a type this reader accepts");
        };
    }

    private Map<Object, Object> array(int depth) throws Malformed {
        if (depth >= MAX_DEPTH) {
            throw new Malformed("arrays nested deeper than " + MAX_DEPTH + " levels, at byte " + pos);
        }
        long count = integer(':');
        if (count < 0 || count > MAX_ENTRIES - entries) {
            throw new Malformed("an array of " + count + " entries, at byte " + pos);
        }
        entries += (int) count;
        expect('{');
        Map<Object, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            Object key = value(depth + 1);
            if (!(key instanceof Long) && !(key instanceof String)) {
                throw new Malformed("an array key must be an integer or a string, at byte " + pos);
            }
            map.put(key, value(depth + 1));
        }
        expect('}');
        return map;
    }

    private String string() throws Malformed {
        return string('"', ';');
    }

    /** {@code LENGTH:"BYTES"} followed by {@code end}; the length counts bytes. */
    private String string(char quote, char end) throws Malformed {
        long length = integer(':');
        expect(quote);
        if (length < 0 || length > in.length - pos) {
            throw new Malformed("a string of " + length + " bytes runs past the end, at byte " + pos);
        }
        String s = new String(in, pos, (int) length, StandardCharsets.UTF_8);
        pos += (int) length;
        expect(quote);
        expect(end);
        return s;
    }

    private long integer(char end) throws Malformed {
        int start = pos;
        if (pos < in.length && (in[pos] == '-' || in[pos] == '+')) {
            pos++;
        }
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        String digits = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        expect(end);
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new Malformed("'" + digits + "' is not an integer, at byte " + start);
        }
    }

    private double decimal() throws Malformed {
        int start = pos;
        while (pos < in.length && in[pos] != ';') {
            pos++;
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        expect(';');
        return switch (text) {
            case "INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            case "NAN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new Malformed("'" + text + "' is not a number, at byte " + start);
                }
            }
        };
    }

    private void expect(char c) throws Malformed {
        if (pos >= in.length || in[pos] != c) {
            throw new Malformed("expected '" + c + "' at byte " + pos);
        }
        pos++;
    }
}
