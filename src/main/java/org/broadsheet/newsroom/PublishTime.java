package org.broadsheet.newsroom;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A publication time as the newsroom's forms send it ({@code 2026-11-25T14:05}), in the site's time zone. Years
 * before 1000 are refused as the slip of a key they nearly always are ("0026" for 2026): such an article would sink
 * below everything else in every list, and its address would name a year no reader expects.
 */
final class PublishTime {

    static final int EARLIEST_YEAR = 1000;

    private PublishTime() {
    }

    /** What is wrong with the value, for the person who typed it; null when it is a time this form takes. */
    static String problem(String value) {
        try {
            LocalDateTime time = LocalDateTime.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            if (time.getYear() < EARLIEST_YEAR) {
                return "\u201c" + value + "\u201d is in the year " + time.getYear() + "; give a year from " + EARLIEST_YEAR
                        + " on, e.g. 2026-11-25T14:05.";
            }
            return null;
        } catch (DateTimeParseException e) {
            return "\u201c" + value + "\u201d is not a valid date and time; use the form 2026-11-25T14:05.";
        }
    }

    /** The time in the zone; the value must have no {@link #problem}. */
    static OffsetDateTime parse(String value, ZoneId zone) {
        return LocalDateTime.parse(value.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toOffsetDateTime();
    }
}
