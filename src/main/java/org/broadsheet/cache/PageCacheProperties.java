package org.broadsheet.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code broadsheet.page-cache.*}.
 *
 * @param enabled      serve anonymous readers from the cache
 * @param maxBytes     the most the cached pages (plain and gzip copies) may occupy
 * @param cacheControl the {@code Cache-Control} header on public pages, for browsers and a CDN in front
 * @param maxAge       how long a page is kept at most, changes or not: some of what a page shows follows the
 *                     clock rather than an edit (the comment form's token, valid for a week; a discussion that
 *                     closes so many days after publication; the news sitemap's two-day window)
 */
@ConfigurationProperties("broadsheet.page-cache")
public record PageCacheProperties(Boolean enabled, Long maxBytes, String cacheControl, Duration maxAge) {

    public PageCacheProperties {
        enabled = enabled == null || enabled;
        maxBytes = maxBytes == null ? 64L * 1024 * 1024 : maxBytes;
        cacheControl = cacheControl == null || cacheControl.isBlank()
                ? "public, max-age=0, s-maxage=60, stale-while-revalidate=300" : cacheControl;
        maxAge = maxAge == null || maxAge.isNegative() || maxAge.isZero() ? Duration.ofHours(1) : maxAge;
    }
}
