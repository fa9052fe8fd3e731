package org.broadsheet.cache;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.FastHttpDateFormat;

/**
 * Answers page-cache hits inside Tomcat, before it builds the servlet filter chain, with headers encoded when the
 * page was stored ({@link HeaderBlock}): the same response {@link PageCacheFilter} gives, without the filter chain
 * and without Tomcat encoding each header anew. Misses and everything not cacheable go on to the application,
 * where the filter renders and stores.
 */
class PageCacheValve extends ValveBase {

    private final PageCache cache;
    private final boolean byHost;

    PageCacheValve(PageCache cache, boolean byHost) {
        super(true);
        this.cache = cache;
        this.byHost = byHost;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String key = PageCacheRequests.key(request, byHost);
        CachedPage page = key == null ? null : cache.get(key);
        if (page == null) {
            getNext().invoke(request, response);
            return;
        }
        String coding = PageCacheRequests.coding(request, page);
        boolean notModified = PageCacheRequests.notModified(request, page);
        org.apache.coyote.Response coyote = response.getCoyoteResponse();
        // Content-Type is among these bytes rather than set as the response's type: Tomcat would encode it anew.
        page.hitHeaders(coding, notModified).addTo(coyote.getMimeHeaders(), FastHttpDateFormat.getCurrentDate());
        PageCacheRequests.finishHit(request, response, page, coding, notModified);
    }
}
