package org.broadsheet.cache;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.support.Compression;
import org.broadsheet.support.PageDependencies;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves anonymous readers from the {@link PageCache} before Spring Security and Spring MVC do any work:
 * a hit costs a map lookup, a conditional-GET check and one write of precomputed bytes (brotli or gzip when
 * the reader accepts it). A miss renders the page as usual and keeps it when it is safe to share: a 200, no
 * cookie set, no session, and the reader is neither signed in nor waiting to see their own held comment. Under
 * Tomcat, hits are answered earlier still, by {@link PageCacheValve}; this filter answers those that reach it
 * (MockMvc, or a page stored in between) with the same response.
 */
class PageCacheFilter extends HttpFilter {

    static final String FRESH_COOKIE = PageCacheRequests.FRESH_COOKIE;
    private static final Set<String> CACHEABLE_TYPES = Set.of("text/html", "application/rss+xml",
            "application/atom+xml", "application/xml", "text/xml", "text/plain");
    private static final Set<String> NOT_REPLAYED = Set.of("content-length", "content-type", "date", "set-cookie",
            "transfer-encoding", "etag", "last-modified", "cache-control", "content-encoding", "vary", "connection",
            "keep-alive");
    private static final int MIN_COMPRESSED_BYTES = 1024;
    /**
     * Pages are compressed on the request that misses, so not at brotli's slowest setting (11, ~90× gzip's
     * time): 5 takes about twice gzip's best and is still smaller (CompressionBenchmark, bench/README.md).
     */
    private static final int BROTLI_QUALITY = 5;

    private final PageCache cache;
    private final PageCacheProperties properties;
    private final boolean byHost;

    /** @param byHost key pages by scheme, host and port too ({@link PageCacheRequests#key}) */
    PageCacheFilter(PageCache cache, PageCacheProperties properties, boolean byHost) {
        this.cache = cache;
        this.properties = properties;
        this.byHost = byHost;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String key = PageCacheRequests.key(request, byHost);
        if (key == null) {
            // Not shared, so never kept by a CDN; what is someone's own (the newsroom, a signed-in editor's view,
            // a reader's held comment) is not stored by their browser either.
            response.setHeader("Cache-Control", PageCacheRequests.personal(request) ? "private, no-store" : "private, no-cache");
            chain.doFilter(request, response);
            return;
        }
        CachedPage page = cache.get(key);
        if (page == null) {
            long generation = cache.generation();
            ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
            chain.doFilter(asKept(request), capture);
            page = cacheable(request, capture) ? toPage(request, capture) : null;
            if (page == null) {
                capture.copyBodyToResponse();
                return;
            }
            cache.put(key, page, generation);
            capture.resetBuffer();
        }
        write(request, response, page);
    }

    /** The request with the query its page is kept under, so that what is rendered is what is kept. */
    private static HttpServletRequest asKept(HttpServletRequest request) {
        String raw = request.getQueryString();
        String query = PageCacheRequests.canonicalQuery(raw);
        return query.equals(raw == null ? "" : raw) ? request : new CanonicalQueryRequest(request, query);
    }

    private static boolean cacheable(HttpServletRequest request, ContentCachingResponseWrapper response) {
        if (response.getStatus() != 200 || response.getHeader("Set-Cookie") != null
                || request.getSession(false) != null) {
            return false;
        }
        String cacheControl = response.getHeader("Cache-Control");
        if (cacheControl != null && (cacheControl.contains("no-store") || cacheControl.contains("private"))) {
            return false;
        }
        String type = response.getContentType();
        return type != null && CACHEABLE_TYPES.contains(type.split(";")[0].trim().toLowerCase());
    }

    @SuppressWarnings("unchecked")
    private CachedPage toPage(HttpServletRequest request, ContentCachingResponseWrapper response) throws IOException {
        byte[] body = response.getContentAsByteArray();
        Set<String> dependencies = (Set<String>) request.getAttribute(PageDependencies.ATTRIBUTE);
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_REPLAYED.contains(name.toLowerCase())) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        long now = System.currentTimeMillis() / 1000 * 1000;
        // A page made in the second of a change goes without Last-Modified: the version it replaced may carry the
        // same second, and a reader who sends that date alone would be told wrongly that it has this one. Its
        // ETag, exact, still revalidates it (and browsers send it).
        long lastModified = cache.changedDuringSecond(now) ? CachedPage.UNDATED : now;
        boolean compress = body.length >= MIN_COMPRESSED_BYTES;
        return CachedPage.of(body, compress ? Compression.gzip(body) : null,
                compress ? Compression.brotli(body, BROTLI_QUALITY) : null, response.getContentType(), etag(body), lastModified,
                List.copyOf(headers), dependencies == null ? Set.of() : Set.copyOf(dependencies),
                properties.cacheControl());
    }

    /** The response {@link PageCacheValve} gives for a hit, from the same headers the page keeps for it. */
    private static void write(HttpServletRequest request, HttpServletResponse response, CachedPage page) throws IOException {
        String coding = PageCacheRequests.coding(request, page);
        boolean notModified = PageCacheRequests.notModified(request, page);
        List<String[]> headers = page.hitHeaders(coding, notModified).headers();
        // On the miss that stored the page, the application has set these headers on the response already (the
        // security headers, say): the page's copy replaces them rather than doubling them.
        for (String[] header : headers) {
            response.setHeader(header[0], null);
        }
        for (String[] header : headers) {
            response.addHeader(header[0], header[1]);
        }
        PageCacheRequests.finishHit(request, response, page, coding, notModified);
    }

    private static String etag(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
