package org.broadsheet.search;

/**
 * A search as a reader asked for it. Every filter is optional (null or blank).
 *
 * @param text     what the reader typed, taken as text: words and "quoted phrases", never query syntax
 * @param section  a section path; includes the sections below it
 * @param byDate   newest first instead of best match first
 * @param page     1-based
 */
public record SearchQuery(String text, String author, String section, String tag, String language, Integer year,
                          boolean byDate, int page, int size) {

    public boolean hasFilters() {
        return present(author) || present(section) || present(tag) || present(language) || year != null;
    }

    static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
