package org.broadsheet.site;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.support.BroadsheetProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute addresses for canonical links, OpenGraph, JSON-LD, feeds and sitemaps. */
@Component
public class SiteUrls {

    private static final String BASE_ATTRIBUTE = SiteUrls.class.getName() + ".base";

    private final String configuredBase;

    SiteUrls(BroadsheetProperties properties) {
        this.configuredBase = properties.baseUrl();
    }

    /** The site's address without a trailing slash: {@code broadsheet.base-url} when set, else the request's. */
    public String base() {
        if (!configuredBase.isEmpty()) {
            return configuredBase;
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "http://localhost:8080";
        }
        // A page asks for it a dozen times (canonical, OpenGraph, JSON-LD, alternates): work it out once.
        HttpServletRequest request = attributes.getRequest();
        Object known = request.getAttribute(BASE_ATTRIBUTE);
        if (known instanceof String base) {
            return base;
        }
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString().replaceAll("/+$", "");
        request.setAttribute(BASE_ATTRIBUTE, base);
        return base;
    }

    public String absolute(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return base() + (path.startsWith("/") ? path : "/" + path);
    }
}
