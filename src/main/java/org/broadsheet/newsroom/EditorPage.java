package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;

/**
 * The article editor.
 *
 * @param conflict    when the save was refused because someone else saved first: their version against
 *                    the sent text; empty otherwise
 * @param steps       workflow buttons this person may press, as (step, label)
 * @param previewLink a fresh secret preview address to show once, or empty
 * @param translations the other articles of the translation group: (editor address, "title (language)")
 */
public record EditorPage(long articleId, String status, String statusLabel, ArticleForm form, Map<String, String> errors,
                         String notice, String error, List<LineDiff.Line> conflict, boolean canEdit, boolean canAutosave,
                         boolean canUpload,
                         List<Option> steps, List<Option> languages, List<Option> authors, List<Option> sections,
                         List<Option> partners, List<Option> media, List<Option> translations, List<EditorialNote> notes, String publicUrl,
                         String previewLink, String timeZone, String scheduledFor, String htmxUrl, String editorScriptUrl) {

    public String error(String field) {
        return errors.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }
}
