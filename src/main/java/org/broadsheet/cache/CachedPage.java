package org.broadsheet.cache;

import java.util.List;
import java.util.Set;

/**
 * A rendered page kept for anonymous readers: its bytes, a gzip copy made once, and the validators.
 *
 * @param gzip         the body compressed, or null when compression would not pay
 * @param headers      response headers to replay (security headers and the like), name then value
 * @param dependencies what the page shows ({@code article:42} …), for precise invalidation
 */
record CachedPage(byte[] body, byte[] gzip, String contentType, String etag, long lastModified,
                  List<String[]> headers, Set<String> dependencies) {

    int weight() {
        return body.length + (gzip == null ? 0 : gzip.length) + 512;
    }
}
