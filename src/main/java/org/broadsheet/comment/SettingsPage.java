package org.broadsheet.comment;

import java.util.List;
import java.util.Map;

/**
 * The discussion settings form: its values (as stored or, after a refusal, as sent), whether Akismet is on, and
 * what went wrong on saving.
 *
 * @param values                 each field's text by name (as in {@code DiscussionSettings.Settings.DEFAULTS});
 *                               a switch is "true" when on
 * @param akismetKeyFromProperty the key is set by {@code broadsheet.akismet.api-key} and cannot be changed here
 */
public record SettingsPage(Map<String, String> values, boolean akismetOn, boolean akismetKeyFromProperty,
                           List<String> problems, String notice) {

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean on(String name) {
        return Boolean.parseBoolean(value(name));
    }
}
