package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader typed, split into words and "quoted phrases". Nothing in it is query syntax: AND, *, :,
 * brackets and backslashes are just characters for the analyzers to keep or drop. Very long input is cut
 * to its first {@link #MAX_CHARS} characters and {@link #MAX_PARTS} words and phrases.
 */
record QueryText(List<String> words, List<String> phrases, boolean truncated) {

    static final int MAX_CHARS = 400;
    static final int MAX_PARTS = 12;

    static QueryText parse(String raw) {
        if (raw == null) {
            return new QueryText(List.of(), List.of(), false);
        }
        String text = raw.replace('“', '"').replace('”', '"').replace('„', '"').replace('«', '"').replace('»', '"')
                .replace('「', '"').replace('」', '"').replace('\u0000', ' ').strip();
        boolean truncated = false;
        if (text.length() > MAX_CHARS) {
            text = text.substring(0, MAX_CHARS);
            truncated = true;
        }
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        String[] parts = text.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            // Odd parts sit between quotes; an unclosed quote leaves its tail as plain words.
            boolean quoted = i % 2 == 1 && i < parts.length - 1;
            String part = parts[i].strip();
            if (part.isEmpty()) {
                continue;
            }
            if (quoted && part.contains(" ")) {
                phrases.add(part);
            } else {
                for (String word : part.split("\\s+")) {
                    if (!word.isBlank()) {
                        words.add(word);
                    }
                }
            }
        }
        while (words.size() + phrases.size() > MAX_PARTS) {
            truncated = true;
            if (!words.isEmpty()) {
                words.remove(words.size() - 1);
            } else {
                phrases.remove(phrases.size() - 1);
            }
        }
        return new QueryText(List.copyOf(words), List.copyOf(phrases), truncated);
    }

    boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }
}
