package org.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The demo journal as {@code demo/site.yaml} describes it. Other features ask it to tell the demo's settings
 * from a person's: an import takes the old site's title only while the site still has the demo's.
 */
@Component
public class DemoJournal {

    static final String SITE = "demo/site.yaml";

    /** The demo's site title ("The Meridian Review"), read from the same file the demo is loaded from. */
    public String title() {
        try {
            return DemoContent.str(DemoContent.map(document().get("site")), "title");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + SITE + ": " + e.getMessage(), e);
        }
    }

    /** The whole file: site, authors, sections, tags, partners, articles. */
    static Map<String, Object> document() throws IOException {
        try (InputStream in = new ClassPathResource(SITE).getInputStream()) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }
}
