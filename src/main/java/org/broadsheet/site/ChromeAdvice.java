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
    // Absent when the jar runs a command without the web server (CommandLauncher).
    private final ObjectProvider<ResourceUrlProvider> resourceUrls;
    private final Clock clock;

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
        ResourceUrlProvider provider = resourceUrls.getIfAvailable();
        String css = provider == null ? null : provider.getForLookupPath("/assets/site.css");
        return new Chrome(s.title(), s.tagline(), s.language(), s.timeZone(), taxonomy.topLevelSections(),
                css == null ? "/assets/site.css" : css, Year.now(clock).getValue());
    }
}
