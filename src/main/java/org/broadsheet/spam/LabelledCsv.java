package org.broadsheet.spam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads labelled comments from CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks).
 * The header must name {@code CONTENT} and {@code CLASS} (1 = spam, 0 = legitimate); {@code AUTHOR} and
 * {@code DATE} (ISO date and time) are used when present. Problems are reported with the file and the row (header = row 1) they are on.
 */
final class LabelledCsv {

    private LabelledCsv() {
    }

    static final class BadFileException extends Exception {
        BadFileException(String message) {
            super(message);
        }
    }

    static List<LabelledComment> read(Path file) throws BadFileException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadFileException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(content, file.toString());
    }

    static List<LabelledComment> parse(String content, String name) throws BadFileException {
        List<List<String>> rows = rows(content, name);
        if (rows.isEmpty()) {
            throw new BadFileException(name + ": the file is empty; expected a header naming CONTENT and CLASS");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().replace("\uFEFF", "").toUpperCase(Locale.ROOT)).toList();
        int contentColumn = header.indexOf("CONTENT");
        int classColumn = header.indexOf("CLASS");
        int authorColumn = header.indexOf("AUTHOR");
        int dateColumn = header.indexOf("DATE");
        if (contentColumn < 0 || classColumn < 0) {
            throw new BadFileException(name + ", row 1: the header " + rows.get(0) + " must name the columns CONTENT and CLASS");
        }
        List<LabelledComment> out = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            int number = i + 1;
            if (row.size() <= Math.max(contentColumn, classColumn)) {
                throw new BadFileException(name + ", row " + number + ": has " + row.size() + " fields, expected " + header.size());
            }
            String label = row.get(classColumn).strip();
            if (!label.equals("0") && !label.equals("1")) {
                throw new BadFileException(name + ", row " + number + ": CLASS is \"" + label + "\", expected 1 (spam) or 0 (legitimate)");
            }
            String author = authorColumn >= 0 && authorColumn < row.size() ? row.get(authorColumn) : "";
            String date = dateColumn >= 0 && dateColumn < row.size() ? row.get(dateColumn).strip() : "";
            LocalDateTime postedAt = null;
            if (!date.isEmpty()) {
                try {
                    postedAt = date.length() == 10 ? LocalDate.parse(date).atStartOfDay() : LocalDateTime.parse(date);
                } catch (DateTimeParseException e) {
                    throw new BadFileException(name + ", row " + number + ": DATE is \"" + date
                            + "\", expected a date (2014-11-07) or a date and time (2014-11-07T06:20:48), or nothing");
                }
            }
            out.add(new LabelledComment(row.get(contentColumn), author, postedAt, label.equals("1"), name + ":" + number));
        }
        return out;
    }

    /** Splits CSV text into rows of fields; row numbers count records, not physical lines. */
    private static List<List<String>> rows(String s, String name) throws BadFileException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                rows.add(row);
                row = new ArrayList<>();
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new BadFileException(name + ", row " + (rows.size() + 1) + ": a quoted field is never closed");
        }
        if (fieldStarted || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
