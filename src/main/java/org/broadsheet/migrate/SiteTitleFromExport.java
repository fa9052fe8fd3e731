package org.broadsheet.migrate;

import java.util.Map;

import org.broadsheet.demo.DemoJournal;
import org.broadsheet.site.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * The old site's title and tagline ({@code <channel>}'s {@code <title>} and {@code <description>}) become the
 * new site's while nobody has chosen its title: none is set, or it is still the demo journal's. A title an
 * administrator set is never replaced; the report says which of the two happened.
 */
@Component
class SiteTitleFromExport {

    /** The newsroom's settings form allows no more. */
    static final int MAX_TITLE = 200;
    static final int MAX_TAGLINE = 500;

    private final SiteSettings settings;
    private final DemoJournal demo;

    SiteTitleFromExport(SiteSettings settings, DemoJournal demo) {
        this.settings = settings;
        this.demo = demo;
    }

    void take(Wxr.Channel channel, ImportReport report) {
        String title = WxrFields.clip(WxrFields.text(channel.title()), MAX_TITLE);
        if (title.isBlank()) {
            return;
        }
        // Read from the table, not the settings in force: those fall back to a default title that nobody chose.
        String current = settings.value(SiteSettings.TITLE, null);
        if (current != null && !current.isBlank() && !current.equals(demo.title())) {
            report.note("site title kept: \u201c" + current + "\u201d" + (current.equals(title) ? ""
                    : " (the export's is \u201c" + title + "\u201d; change it in the newsroom's Settings)"));
            return;
        }
        // Through the settings service, whose change event clears the page cache and reaches the other nodes.
        settings.putAll(Map.of(SiteSettings.TITLE, title,
                SiteSettings.TAGLINE, WxrFields.clip(WxrFields.text(channel.description()), MAX_TAGLINE)));
        report.note("site title set to \u201c" + title + "\u201d");
    }
}
