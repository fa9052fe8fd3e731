package org.broadsheet.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * One analyzer per language: English (Porter stemming, stop words), Russian (Snowball stemming, so
 * "переговоры" finds "переговорах"), Japanese (Kuromoji morphology in search mode, so 平和条約 finds
 * 平和条約を). Text fields are named {@code <field>_<language>}; other languages fall back to the standard
 * analyzer.
 */
final class LanguageAnalyzers {

    static final List<String> LANGUAGES = List.of("en", "ru", "ja");
    static final List<String> TEXT_FIELDS = List.of("title", "standfirst", "body");

    private final Map<String, Analyzer> byLanguage = new HashMap<>();
    private final Analyzer fallback = new StandardAnalyzer();
    private final PerFieldAnalyzerWrapper perField;

    LanguageAnalyzers() {
        byLanguage.put("en", new EnglishAnalyzer());
        byLanguage.put("ru", new RussianAnalyzer());
        byLanguage.put("ja", new JapaneseAnalyzer());
        Map<String, Analyzer> fields = new HashMap<>();
        for (String language : LANGUAGES) {
            for (String field : TEXT_FIELDS) {
                fields.put(field(field, language), byLanguage.get(language));
            }
        }
        for (String field : TEXT_FIELDS) {
            fields.put(field(field, "xx"), fallback);
        }
        perField = new PerFieldAnalyzerWrapper(fallback, fields);
    }

    /** The language whose fields hold a document: one of {@link #LANGUAGES}, else "xx". */
    static String indexLanguage(String language) {
        return LANGUAGES.contains(language) ? language : "xx";
    }

    static String field(String field, String language) {
        return field + "_" + language;
    }

    Analyzer forLanguage(String language) {
        return byLanguage.getOrDefault(language, fallback);
    }

    Analyzer perField() {
        return perField;
    }
}
