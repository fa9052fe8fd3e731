package org.broadsheet.comment;

import java.util.List;

/**
 * The discussion settings form: current settings, whether Akismet is on, and what went wrong on saving.
 *
 * @param akismetKeyFromProperty the key is set by {@code broadsheet.akismet.api-key} and cannot be changed here
 */
public record SettingsPage(DiscussionSettings.Settings settings, boolean akismetOn, boolean akismetKeyFromProperty,
                           List<String> problems, String notice) {

    public String lines(List<String> values) {
        return String.join("\n", values);
    }
}
