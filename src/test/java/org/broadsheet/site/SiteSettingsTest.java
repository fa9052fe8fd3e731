package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;

/** A form's settings are saved together or not at all. */
@SpringBootTest
class SiteSettingsTest {

    @Autowired
    SiteSettings settings;

    @Test
    void settingsSavedTogetherAreAllKeptOrNoneIs() {
        String title = settings.current().title();
        String tagline = settings.current().tagline();
        Map<String, String> values = new LinkedHashMap<>();
        values.put(SiteSettings.TITLE, "A title that must not stay");
        values.put(SiteSettings.TAGLINE, "x".repeat(5000));   // longer than the column holds: the database refuses it
        assertThatThrownBy(() -> settings.putAll(values)).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(settings.current().title()).isEqualTo(title);

        values.put(SiteSettings.TAGLINE, "Both kept");
        settings.putAll(values);
        assertThat(settings.current().title()).isEqualTo("A title that must not stay");
        assertThat(settings.current().tagline()).isEqualTo("Both kept");
        settings.putAll(Map.of(SiteSettings.TITLE, title, SiteSettings.TAGLINE, tagline));
    }
}
