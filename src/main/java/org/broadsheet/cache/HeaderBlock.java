package org.broadsheet.cache;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.tomcat.util.http.MimeHeaders;

/**
 * Response headers encoded once, for {@link PageCacheValve}. Tomcat turns every header name and value it is given
 * as a {@code String} into bytes with a new {@code CharsetEncoder} each time — over a quarter of the Java work of a
 * cache hit went there — while header bytes it is given go out as they are.
 */
final class HeaderBlock {

    private static final byte[] DATE = "Date".getBytes(StandardCharsets.ISO_8859_1);

    private final List<String[]> headers;
    private final byte[] bytes;
    /** For header i: where its name starts ({@code 2i}) and where its value ends ({@code 2i + 1}); names end
     *  where values start, at the start recorded in {@link #valueStarts}. */
    private final int[] bounds;
    private final int[] valueStarts;

    /** The headers, name then value, in the order they are to be sent; ISO-8859-1, as HTTP headers are. */
    HeaderBlock(List<String[]> headers) {
        this.headers = List.copyOf(headers);
        StringBuilder text = new StringBuilder();
        bounds = new int[headers.size() * 2];
        valueStarts = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            bounds[2 * i] = text.length();
            text.append(headers.get(i)[0]);
            valueStarts[i] = text.length();
            text.append(headers.get(i)[1]);
            bounds[2 * i + 1] = text.length();
        }
        bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    List<String[]> headers() {
        return headers;
    }

    /**
     * Adds these headers and a {@code Date} to a Tomcat response. They are added from a copy made for this
     * response: Tomcat keeps a header's byte array when it recycles the header for a later response and may write
     * into it then ({@code MessageBytes.setLong} for a {@code Content-Length}), so the cached bytes are never
     * handed over themselves.
     *
     * @param date the {@code Date} header's value (IMF-fixdate, ASCII)
     */
    void addTo(MimeHeaders target, String date) {
        byte[] copy = new byte[bytes.length + DATE.length + date.length()];
        System.arraycopy(bytes, 0, copy, 0, bytes.length);
        for (int i = 0; i < headers.size(); i++) {
            int start = bounds[2 * i];
            int valueStart = valueStarts[i];
            target.addValue(copy, start, valueStart - start).setBytes(copy, valueStart, bounds[2 * i + 1] - valueStart);
        }
        int dateStart = bytes.length;
        System.arraycopy(DATE, 0, copy, dateStart, DATE.length);
        int valueStart = dateStart + DATE.length;
        for (int i = 0; i < date.length(); i++) {
            copy[valueStart + i] = (byte) date.charAt(i);
        }
        target.addValue(copy, dateStart, DATE.length).setBytes(copy, valueStart, date.length());
    }
}
