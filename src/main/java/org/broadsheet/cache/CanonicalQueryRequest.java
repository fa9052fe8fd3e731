package org.broadsheet.cache;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request as the application is to see it when the page cache keeps its answer under the canonical query
 * ({@link PageCacheRequests#canonicalQuery(String)}): tracking parameters gone and the page number written
 * plainly. The page then cannot differ from the one every other spelling of its address is given.
 */
final class CanonicalQueryRequest extends HttpServletRequestWrapper {

    private final String query;
    private final Map<String, String[]> parameters;

    /** @param query the canonical query, "" for none: nothing or {@code page=N} */
    CanonicalQueryRequest(HttpServletRequest request, String query) {
        super(request);
        this.query = query.isEmpty() ? null : query;
        this.parameters = query.isEmpty() ? Map.of()
                : Map.of("page", new String[] {query.substring(query.indexOf('=') + 1)});
    }

    @Override
    public String getQueryString() {
        return query;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters.get(name);
        return values == null ? null : values.clone();
    }
}
