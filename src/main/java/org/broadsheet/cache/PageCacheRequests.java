package org.broadsheet.cache;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.support.Compression;
import org.broadsheet.support.PageDependencies;
import org.broadsheet.support.RequestCookies;

/**
 * What a request asks of the page cache: whether it may be answered from it at all (and under which key), which
 * copy of a page the reader accepts, and whether the reader already has it. One set of rules for the
 * {@link PageCacheValve}, which answers hits inside Tomcat, and the {@link PageCacheFilter}, which stores pages.
 */
final class PageCacheRequests {

    static final String FRESH_COOKIE = PageDependencies.FRESH_COOKIE;
    /** A session (staff, or a reader's own) or a just-posted comment awaiting moderation: pages are personal. */
    private static final Set<String> PERSONAL_COOKIES = Set.of("JSESSIONID", "SESSION", FRESH_COOKIE);
    private static final List<String> UNCACHED_PREFIXES = List.of("/newsroom", "/login", "/logout", "/media/",
            "/assets/", "/webjars/", "/actuator", "/error", "/search");
    private static final Pattern CACHEABLE_QUERY = Pattern.compile("page=[0-9]{1,6}");

    private PageCacheRequests() {
    }

    /**
     * The cache key of a request every anonymous reader would get the same answer to, or null when the request
     * must go to the application: not a GET or HEAD, a personal or uncached address, a query other than a page
     * number, or a session (a signed-in editor) or a reader waiting to see their own held comment.
     */
    static String key(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String uri = request.getRequestURI();
        for (String prefix : UNCACHED_PREFIXES) {
            if (uri.startsWith(prefix)) {
                return null;
            }
        }
        String query = request.getQueryString();
        if (query != null && !CACHEABLE_QUERY.matcher(query).matches()) {
            return null;
        }
        if (RequestCookies.anyNamed(request, PERSONAL_COOKIES)) {
            return null;
        }
        return query == null ? uri : uri + "?" + query;
    }

    /** The best copy the reader accepts: brotli, then gzip, else none (null). */
    static String coding(HttpServletRequest request, CachedPage page) {
        String accept = request.getHeader("Accept-Encoding");
        if (page.brotli() != null && Compression.accepts(accept, Compression.BROTLI)) {
            return Compression.BROTLI;
        }
        if (page.gzip() != null && Compression.accepts(accept, Compression.GZIP)) {
            return Compression.GZIP;
        }
        return null;
    }

    /** Whether the reader's validators (If-None-Match, else If-Modified-Since) show it has the page already. */
    static boolean notModified(HttpServletRequest request, CachedPage page) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            // Any copy's tag will do: they all hold the same page, and a reader whose Accept-Encoding changed
            // (or a proxy that recompressed) still has it.
            return ifNoneMatch.contains(page.etag().substring(0, page.etag().length() - 1))
                    || ifNoneMatch.trim().equals("*");
        }
        try {
            long since = request.getDateHeader("If-Modified-Since");
            return since >= 0 && page.lastModified() <= since;
        } catch (IllegalArgumentException malformedDate) {
            return false;
        }
    }

    /**
     * The rest of a hit once its headers are set, the same from the valve and the filter: a 304 without a body,
     * else the copy's bytes with their length (no body for HEAD).
     */
    static void finishHit(HttpServletRequest request, HttpServletResponse response, CachedPage page, String coding,
                          boolean notModified) throws IOException {
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] bytes = page.bytes(coding);
        response.setContentLength(bytes.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(bytes);
        }
    }
}
