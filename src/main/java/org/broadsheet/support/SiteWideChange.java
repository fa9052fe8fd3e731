package org.broadsheet.support;

/**
 * Published when something every page shows changes: the site's settings, the section menu. Page caches
 * drop everything.
 *
 * @param what a short description for logs ("settings", "sections")
 */
public record SiteWideChange(String what) {
}
