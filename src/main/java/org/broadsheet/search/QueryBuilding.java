package org.broadsheet.search;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a reader's words and phrases into a Lucene query without any query syntax. Each language reads the
 * text with its own analyzer: a document matches when, in its language, every word (and phrase) appears in
 * its title, standfirst or body. A word that a language drops ("the" in English) is simply not required
 * there. The typo-tolerant variant replaces each word with a fuzzy match on its stem.
 */
final class QueryBuilding {

    private static final int FUZZY_EXPANSIONS = 10;

    private final LanguageAnalyzers analyzers;
    private final Map<String, Float> boosts;
    private final List<String> languages;

    QueryBuilding(LanguageAnalyzers analyzers, Map<String, Float> boosts, List<String> languages) {
        this.analyzers = analyzers;
        this.boosts = boosts;
        this.languages = languages;
    }

    /** The query over all languages, or null when no language finds a word to look for. */
    Query textQuery(QueryText text, boolean fuzzy) {
        BooleanQuery.Builder anyLanguage = new BooleanQuery.Builder();
        int clauses = 0;
        for (String language : languages) {
            Query q = forLanguage(language, text, fuzzy);
            if (q != null) {
                anyLanguage.add(q, Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : anyLanguage.build();
    }

    private Query forLanguage(String language, QueryText text, boolean fuzzy) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int required = 0;
        for (String word : text.words()) {
            Query q = acrossFields(language, word, fuzzy ? Mode.FUZZY : Mode.WORD);
            if (q != null) {
                all.add(q, Occur.MUST);
                required++;
            }
        }
        for (String phrase : text.phrases()) {
            Query q = acrossFields(language, phrase, Mode.PHRASE);
            if (q != null) {
                all.add(q, Occur.MUST);
                required++;
            }
        }
        if (required == 0) {
            return null;
        }
        all.add(new TermQuery(new Term("lang_indexed", language)), Occur.FILTER);
        return all.build();
    }

    private enum Mode { WORD, PHRASE, FUZZY }

    private Query acrossFields(String language, String text, Mode mode) {
        Analyzer analyzer = analyzers.forLanguage(language);
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        for (Map.Entry<String, Float> field : boosts.entrySet()) {
            if (mode == Mode.FUZZY && field.getKey().equals("standfirst")) {
                continue;
            }
            String name = LanguageAnalyzers.field(field.getKey(), language);
            Query q = switch (mode) {
                case FUZZY -> fuzzy(analyzer, name, text, builder);
                // A word that analyses to several tokens (a Japanese compound, "e-mail") must keep them together.
                default -> builder.createPhraseQuery(name, text);
            };
            if (q != null) {
                any.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : any.build();
    }

    /** A fuzzy match on the word's single stem; words of several tokens match all tokens, in any order. */
    private static Query fuzzy(Analyzer analyzer, String field, String word, QueryBuilder builder) {
        List<String> tokens = tokens(analyzer, field, word);
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() > 1) {
            return builder.createBooleanQuery(field, word, Occur.MUST);
        }
        String token = tokens.get(0);
        if (token.codePointCount(0, token.length()) < 4) {
            return new TermQuery(new Term(field, token));
        }
        int edits = token.length() >= 8 ? 2 : 1;
        return new FuzzyQuery(new Term(field, token), edits, 1, FUZZY_EXPANSIONS, true);
    }

    static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> out = new java.util.ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
