package org.broadsheet.cache;

import java.util.List;
import java.util.Set;

import org.broadsheet.support.Compression;

/**
 * A rendered page kept for anonymous readers: its bytes, gzip and brotli copies made once, and the validators.
 *
 * @param gzip         the body compressed, or null when compression would not pay
 * @param brotli       the body in brotli, or null when compression would not pay or brotli is not available
 * @param etag         the plain body's entity tag; the compressed copies are other representations and carry
 *                     their own tags ({@link #etag(String)})
 * @param headers      response headers to replay (security headers and the like), name then value
 * @param dependencies what the page shows ({@code article:42} …), for precise invalidation
 */
record CachedPage(byte[] body, byte[] gzip, byte[] brotli, String contentType, String etag, long lastModified,
                  List<String[]> headers, Set<String> dependencies) {

    int weight() {
        return body.length + (gzip == null ? 0 : gzip.length) + (brotli == null ? 0 : brotli.length) + 512;
    }

    /** The copy to send for a content coding ({@code null} for none), or null when there is no such copy. */
    byte[] bytes(String coding) {
        return coding == null ? body : switch (coding) {
            case Compression.BROTLI -> brotli;
            case Compression.GZIP -> gzip;
            default -> null;
        };
    }

    /** The entity tag of the copy in {@code coding}: {@code "abc"}, {@code "abc-gzip"}, {@code "abc-br"}. */
    String etag(String coding) {
        return coding == null ? etag : etag.substring(0, etag.length() - 1) + "-" + coding + "\"";
    }
}
