package org.broadsheet.site;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.broadsheet.support.ReadMostly;
import org.broadsheet.support.ReadMostlyCaches;
import org.broadsheet.support.SiteWideChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site's settings: title, tagline, language, time zone, articles per page, privacy contact. Stored as name/value rows
 * in {@code site_setting}; anything not set falls back to a default here.
 */
@Service
public class SiteSettings {

    public static final String TITLE = "title";
    public static final String TAGLINE = "tagline";
    public static final String LANGUAGE = "language";
    public static final String TIME_ZONE = "time_zone";
    public static final String PER_PAGE = "articles_per_page";
    /** "full" (default) puts whole articles in feeds; "excerpt" only the standfirst. */
    public static final String FEED_CONTENT = "feed_content";
    /** Whom readers write to about their personal data (see {@link PrivacyContact}); empty until set. */
    public static final String PRIVACY_CONTACT = "privacy_contact";

    private static final Map<String, String> DEFAULTS = Map.of(
            TITLE, "Broadsheet",
            TAGLINE, "Analysis and opinion",
            LANGUAGE, "en",
            TIME_ZONE, "UTC",
            PER_PAGE, "10",
            PRIVACY_CONTACT, "");

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ReadMostly<String, Settings> kept;

    SiteSettings(JdbcClient jdbc, ApplicationEventPublisher events, ReadMostlyCaches caches) {
        this.jdbc = jdbc;
        this.events = events;
        this.kept = caches.create(1);
    }

    /** The settings in force: every page needs them, so they are kept until they change. */
    public Settings current() {
        return kept.get("settings", k -> read());
    }

    private Settings read() {
        Map<String, String> values = new HashMap<>(DEFAULTS);
        jdbc.sql("SELECT name, setting_value FROM site_setting").query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        ZoneId zone;
        try {
            zone = ZoneId.of(values.get(TIME_ZONE));
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        int perPage;
        try {
            perPage = Math.max(1, Math.min(100, Integer.parseInt(values.get(PER_PAGE))));
        } catch (NumberFormatException e) {
            perPage = 10;
        }
        // Checked when saved (PrivacyContact.parse); what is stored is shown as it is.
        return new Settings(values.get(TITLE), values.get(TAGLINE), values.get(LANGUAGE), zone, perPage,
                new PrivacyContact(values.get(PRIVACY_CONTACT)));
    }

    /** One setting's stored value, or the fallback when it is not set. */
    public String value(String name, String fallback) {
        return jdbc.sql("SELECT setting_value FROM site_setting WHERE name = :name").param("name", name)
                .query(String.class).optional().orElse(fallback);
    }

    @Transactional
    public void put(String name, String value) {
        putAll(Map.of(name, value));
    }

    /**
     * Saves several settings in one transaction, announced as one change: a form's values are kept all together
     * or not at all, and the page cache is emptied once, not once a setting.
     */
    @Transactional
    public void putAll(Map<String, String> values) {
        values.forEach((name, value) -> {
            int updated = jdbc.sql("UPDATE site_setting SET setting_value = :value WHERE name = :name")
                    .param("name", name).param("value", value).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO site_setting (name, setting_value) VALUES (:name, :value)")
                        .param("name", name).param("value", value).update();
            }
        });
        events.publishEvent(new SiteWideChange("settings"));
    }

    public record Settings(String title, String tagline, String language, ZoneId timeZone, int articlesPerPage,
                           PrivacyContact privacyContact) {
    }
}
