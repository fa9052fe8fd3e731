package org.broadsheet.cache;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code broadsheet.page-cache.*}.
 *
 * @param enabled      serve anonymous readers from the cache
 * @param maxBytes     the most the cached pages (plain and gzip copies) may occupy
 * @param cacheControl the {@code Cache-Control} header on public pages, for browsers and a CDN in front
 */
@ConfigurationProperties("broadsheet.page-cache")
public record PageCacheProperties(Boolean enabled, Long maxBytes, String cacheControl) {

    public PageCacheProperties {
        enabled = enabled == null || enabled;
        maxBytes = maxBytes == null ? 64L * 1024 * 1024 : maxBytes;
        cacheControl = cacheControl == null || cacheControl.isBlank()
                ? "public, max-age=0, s-maxage=60, stale-while-revalidate=300" : cacheControl;
    }
}
