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
    /** Addresses whose answers are someone's own: the newsroom and signing in. */
    private static final List<String> PERSONAL_PREFIXES = List.of("/newsroom", "/login", "/logout");
    private static final List<String> UNCACHED_PREFIXES = List.of("/media/", "/assets/", "/webjars/", "/actuator",
            "/error", "/search");
    /**
     * Parameters that campaign and click tracking add to links and that no page reads (besides every
     * {@code utm_…}): a page is the same page with or without them.
     */
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl");
    private static final Pattern PAGE_NUMBER = Pattern.compile("[0-9]{1,6}");

    private PageCacheRequests() {
    }

    /**
     * The cache key of a request every anonymous reader would get the same answer to, or null when the request
     * must go to the application: not a GET or HEAD, a personal or uncached address, an address spelt with
     * percent-escapes, a query other than a page number and tracking parameters, or a session (a signed-in
     * editor) or a reader waiting to see their own held comment.
     * <p>
     * The key is the address with its {@linkplain #canonicalQuery(String) query made canonical}, so that
     * tracking parameters and other spellings of a page number share one page and cannot be used to fill the
     * cache. With {@code byHost} (no {@code broadsheet.base-url}, so pages name the address they were asked
     * under in canonical links, feeds and sitemaps) the scheme, host and port lead the key: a request sent with
     * someone else's {@code Host} header gets a page of its own instead of planting that host in everyone's.
     */
    static String key(HttpServletRequest request, boolean byHost) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String uri = request.getRequestURI();
        // Every public address is plain ASCII; escaped spellings of it ("/t%61g/…") are endless and are not kept.
        if (uri.indexOf('%') >= 0 || startsWithAny(uri, PERSONAL_PREFIXES) || startsWithAny(uri, UNCACHED_PREFIXES)) {
            return null;
        }
        String query = canonicalQuery(request.getQueryString());
        if (query == null || RequestCookies.anyNamed(request, PERSONAL_COOKIES)) {
            return null;
        }
        String path = query.isEmpty() ? uri : uri + "?" + query;
        return byHost ? base(request) + path : path;
    }

    /**
     * Whether the answer is someone's own — the newsroom, signing in, a signed-in reader or one waiting to see
     * their held comment — so that neither a browser nor anything in between may store it.
     */
    static boolean personal(HttpServletRequest request) {
        return startsWithAny(request.getRequestURI(), PERSONAL_PREFIXES)
                || RequestCookies.anyNamed(request, PERSONAL_COOKIES);
    }

    /**
     * The query a cacheable page is rendered for: tracking parameters left out, a page number written plainly
     * ({@code page=02} is {@code page=2}) and page 1 as no query at all; "" for none. Null when the query asks for
     * anything else (or page 0), which the application answers itself.
     */
    static String canonicalQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        int page = 1;
        boolean pageSeen = false;
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (pair.isEmpty() || name.startsWith("utm_") || TRACKING.contains(name)) {
                continue;
            }
            if (!"page".equals(name) || pageSeen || equals < 0 || !PAGE_NUMBER.matcher(pair.substring(equals + 1)).matches()) {
                return null;
            }
            page = Integer.parseInt(pair.substring(equals + 1));
            pageSeen = true;
            if (page == 0) {
                return null;
            }
        }
        return page == 1 ? "" : "page=" + page;
    }

    /** {@code http://host} or {@code https://host:8443}: what the site's own links start with for this request. */
    private static String base(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static boolean startsWithAny(String uri, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (uri.startsWith(prefix)) {
                return true;
            }
        }
        return false;
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
            return since >= 0 && page.lastModified() != CachedPage.UNDATED && page.lastModified() <= since;
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
