package org.broadsheet.site;

import java.time.Clock;
import java.time.Year;

import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The shared page {@link Chrome} (masthead, sections, stylesheet, footer year). {@link ChromeInterceptor} puts it
 * into the model of every page; the error pages build their own with {@link #build}.
 */
@Component
class SiteChrome {

    private final SiteSettings settings;
    private final TaxonomyService taxonomy;
    /** Absent when the application runs a command without the web server. */
    private final ObjectProvider<ResourceUrlProvider> resourceUrls;
    private final Clock clock;
    private volatile String stylesheetUrl;

    SiteChrome(SiteSettings settings, TaxonomyService taxonomy, ObjectProvider<ResourceUrlProvider> resourceUrls, Clock clock) {
        this.settings = settings;
        this.taxonomy = taxonomy;
        this.resourceUrls = resourceUrls;
        this.clock = clock;
    }

    Chrome current() {
        return build(settings.current());
    }

    Chrome build(SiteSettings.Settings s) {
        return new Chrome(s.title(), s.tagline(), s.language(), s.timeZone(), taxonomy.topLevelSections(),
                stylesheetUrl(), Year.now(clock).getValue());
    }

    /**
     * The stylesheet's fingerprinted address. The file is part of the application, so the address is worked
     * out once (looking it up hashes the file and resolves the provider bean: too much for every page).
     */
    private String stylesheetUrl() {
        String known = stylesheetUrl;
        if (known == null) {
            ResourceUrlProvider provider = resourceUrls.getIfAvailable();
            String css = provider == null ? null : provider.getForLookupPath("/assets/site.css");
            known = css == null ? "/assets/site.css" : css;
            if (css != null) {
                stylesheetUrl = known;
            }
        }
        return known;
    }
}
