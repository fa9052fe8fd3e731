package org.broadsheet.support;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One page of a paginated list.
 *
 * @param number     1-based page number
 * @param totalItems items in the whole list
 */
public record PageOf<T>(List<T> items, int number, int size, long totalItems) {

    /** Digits only (as {@link Integer#parseInt} takes them) but too many for an int. */
    private static final Pattern HUGE = Pattern.compile("\\+?0*[1-9][0-9]{9,}");

    public int totalPages() {
        return (int) Math.max(1, (totalItems + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < totalPages();
    }

    public long offset() {
        return (long) (number - 1) * size;
    }

    /**
     * Parses a page number from a query parameter: absent means 1; anything else must be a positive integer.
     *
     * @throws NotFoundException for a whole number too large for any list to have that many pages: it is well-formed,
     *                           only past the end, as a smaller one past the end is
     */
    public static int parseNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        String trimmed = raw.trim();
        try {
            int n = Integer.parseInt(trimmed);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            if (HUGE.matcher(trimmed).matches()) {
                throw new NotFoundException("There is no page " + shorten(trimmed) + " of this list.");
            }
        }
        throw new BadRequestException("The page number must be a whole number of 1 or more, not \"" + shorten(raw) + "\".");
    }

    private static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
