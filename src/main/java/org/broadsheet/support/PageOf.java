package org.broadsheet.support;

import java.util.List;

/**
 * One page of a paginated list.
 *
 * @param number     1-based page number
 * @param totalItems items in the whole list
 */
public record PageOf<T>(List<T> items, int number, int size, long totalItems) {

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

    /** Parses a page number from a query parameter: absent means 1; anything else must be a positive integer. */
    public static int parseNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new BadRequestException("The page number must be a whole number of 1 or more, not \"" +
                (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "\".");
    }
}
