package org.broadsheet.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.tomcat.util.http.FastHttpDateFormat;
import org.broadsheet.support.Compression;

/**
 * A rendered page kept for anonymous readers: its bytes, gzip and brotli copies made once, the validators, and the
 * headers of each response a hit can give, encoded once.
 *
 * @param gzip         the body compressed, or null when compression would not pay
 * @param brotli       the body in brotli, or null when compression would not pay or brotli is not available
 * @param etag         the plain body's entity tag; the compressed copies are other representations and carry
 *                     their own tags ({@link #etag(String)})
 * @param lastModified when the page was made, in whole seconds (epoch milliseconds), or {@link #UNDATED}
 * @param headers      response headers to replay (security headers and the like), name then value
 * @param dependencies what the page shows ({@code article:42} …), for precise invalidation
 * @param hitHeaders   what {@link #hitHeaders(String, boolean)} returns, by {@link #slot(String, boolean)}
 */
record CachedPage(byte[] body, byte[] gzip, byte[] brotli, String contentType, String etag, long lastModified,
                  List<String[]> headers, Set<String> dependencies, List<HeaderBlock> hitHeaders) {

    private static final String[] CODINGS = {null, Compression.GZIP, Compression.BROTLI};

    /** A page sent without Last-Modified, which If-Modified-Since never matches: see {@code PageCacheFilter#toPage}. */
    static final long UNDATED = -1;

    /** A page with the headers of its hits worked out, {@code cacheControl} being the one public pages carry. */
    static CachedPage of(byte[] body, byte[] gzip, byte[] brotli, String contentType, String etag, long lastModified,
                         List<String[]> headers, Set<String> dependencies, String cacheControl) {
        CachedPage page = new CachedPage(body, gzip, brotli, contentType, etag, lastModified, headers, dependencies,
                List.of());
        List<HeaderBlock> blocks = new ArrayList<>();
        for (String coding : CODINGS) {
            blocks.add(new HeaderBlock(page.responseHeaders(coding, false, cacheControl)));
            blocks.add(new HeaderBlock(page.responseHeaders(coding, true, cacheControl)));
        }
        return new CachedPage(body, gzip, brotli, contentType, etag, lastModified, headers, dependencies,
                List.copyOf(blocks));
    }

    int weight() {
        return body.length + (gzip == null ? 0 : gzip.length) + (brotli == null ? 0 : brotli.length)
                + 512 * (1 + hitHeaders.size());
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

    /**
     * The headers of a hit for the copy in {@code coding}, a 200 or a 304 — all but those Tomcat writes itself
     * ({@code Content-Length}, {@code Date}).
     */
    HeaderBlock hitHeaders(String coding, boolean notModified) {
        return hitHeaders.get(slot(coding, notModified));
    }

    private static int slot(String coding, boolean notModified) {
        int copy = coding == null ? 0 : Compression.GZIP.equals(coding) ? 1 : 2;
        return 2 * copy + (notModified ? 1 : 0);
    }

    /**
     * The headers of a hit, for {@link PageCacheValve} and {@link PageCacheFilter} alike: the replayed headers, the
     * validators and caching headers, and for a 200 the type and coding of the body.
     */
    private List<String[]> responseHeaders(String coding, boolean notModified, String cacheControl) {
        List<String[]> list = new ArrayList<>(headers);
        list.add(new String[] {"ETag", etag(coding)});
        if (lastModified != UNDATED) {
            list.add(new String[] {"Last-Modified", FastHttpDateFormat.formatDate(lastModified)});
        }
        list.add(new String[] {"Cache-Control", cacheControl});
        list.add(new String[] {"Vary", "Accept-Encoding"});
        if (!notModified) {
            list.add(new String[] {"Content-Type", contentType});
            if (coding != null) {
                list.add(new String[] {"Content-Encoding", coding});
            }
        }
        return list;
    }
}
