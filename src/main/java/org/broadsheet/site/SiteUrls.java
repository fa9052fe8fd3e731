package org.broadsheet.site;

import org.broadsheet.support.BroadsheetProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute addresses for canonical links, OpenGraph, JSON-LD, feeds and sitemaps. */
@Component
public class SiteUrls {

    private final String configuredBase;

    SiteUrls(BroadsheetProperties properties) {
        this.configuredBase = properties.baseUrl();
    }

    /** The site's address without a trailing slash: {@code broadsheet.base-url} when set, else the request's. */
    public String base() {
        if (!configuredBase.isEmpty()) {
            return configuredBase;
        }
        try {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString().replaceAll("/+$", "");
        } catch (IllegalStateException outsideRequest) {
            return "http://localhost:8080";
        }
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
