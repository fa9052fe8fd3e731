package org.broadsheet.site;

import java.time.Clock;
import java.time.Year;

import org.broadsheet.taxonomy.TaxonomyService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Puts the shared page {@link Chrome} into the model of every page. */
@ControllerAdvice
class ChromeAdvice {

    private final SiteSettings settings;
    private final TaxonomyService taxonomy;
    /** Absent when the application runs a command without the web server. */
    private final ObjectProvider<ResourceUrlProvider> resourceUrls;
    private final Clock clock;
    private volatile String stylesheetUrl;

    ChromeAdvice(SiteSettings settings, TaxonomyService taxonomy, ObjectProvider<ResourceUrlProvider> resourceUrls, Clock clock) {
        this.settings = settings;
        this.taxonomy = taxonomy;
        this.resourceUrls = resourceUrls;
        this.clock = clock;
    }

    @ModelAttribute("chrome")
    Chrome chrome() {
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
