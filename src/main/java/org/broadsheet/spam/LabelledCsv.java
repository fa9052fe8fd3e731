package org.broadsheet.spam;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
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
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadFileException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(utf8(bytes, file.toString()), file.toString());
    }

    /** The text, or a message naming the line and byte where it stops being UTF-8. */
    static String utf8(byte[] bytes, String name) throws BadFileException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new BadFileException(String.format(Locale.ROOT, "%s, line %d, byte %d: not UTF-8 text%s; save the file as UTF-8",
                    name, line, at - lineStart + 1, at < bytes.length ? String.format(Locale.ROOT, " (0x%02X)", bytes[at] & 0xFF) : ""));
        }
        return out.flip().toString();
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
            // A row with more fields than the header is as broken as one with fewer: an unquoted comma in the
            // text shifts every column after it, so the row cannot be read as meant.
            if (row.size() != header.size()) {
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
                    char next = i + 1 < s.length() ? s.charAt(i + 1) : ',';
                    if (next != ',' && next != '\n' && next != '\r') {
                        throw new BadFileException(name + ", row " + (rows.size() + 1) + ", field " + (row.size() + 1)
                                + ": text after the closing quote of a quoted field (a quote inside one is written twice: \"\")");
                    }
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
