package org.broadsheet.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/**
 * The Lucene document for a {@link SearchDocument}: text fields per language ({@code title_en}…), filter
 * fields ({@code author}, {@code section} with every parent path, {@code tag}, {@code lang}, {@code year}),
 * facet values, the publication time for range filters and sorting, and stored labels for showing results.
 */
final class IndexedDocument {

    /** Offsets in the postings let the highlighter find passages without re-analysing long bodies. */
    private static final FieldType BODY = new FieldType(TextField.TYPE_STORED);

    static {
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
    }

    private IndexedDocument() {
    }

    static Document of(SearchDocument d) {
        String language = LanguageAnalyzers.indexLanguage(d.language());
        Document doc = new Document();
        doc.add(new StringField("id", Long.toString(d.id()), Field.Store.YES));
        doc.add(new StoredField("slug", d.slug()));
        doc.add(new StringField("lang", d.language(), Field.Store.YES));
        doc.add(new StringField("lang_indexed", language, Field.Store.NO));
        doc.add(new TextField(LanguageAnalyzers.field("title", language), d.title(), Field.Store.YES));
        doc.add(new TextField(LanguageAnalyzers.field("standfirst", language), nullToEmpty(d.standfirst()), Field.Store.YES));
        doc.add(new Field(LanguageAnalyzers.field("body", language), nullToEmpty(d.body()), BODY));
        long published = d.publishedAt().toInstant().toEpochMilli();
        doc.add(new LongPoint("published", published));
        doc.add(new NumericDocValuesField("published", published));
        doc.add(new StoredField("published", published));
        for (SearchDocument.Label a : d.authors()) {
            doc.add(new StringField("author", a.key(), Field.Store.NO));
            doc.add(new StoredField("author_label", a.key() + "\n" + a.name()));
            doc.add(new SortedSetDocValuesFacetField("author", a.key()));
        }
        for (String sectionPath : d.sectionPaths()) {
            doc.add(new StringField("section", sectionPath, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField("section", sectionPath));
        }
        for (SearchDocument.Label s : d.sections()) {
            doc.add(new StoredField("section_label", s.key() + "\n" + s.name()));
        }
        for (SearchDocument.Label t : d.tags()) {
            doc.add(new StringField("tag", t.key(), Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField("tag", t.key()));
        }
        if (!d.language().isBlank()) {
            doc.add(new SortedSetDocValuesFacetField("language", d.language()));
        }
        doc.add(new StringField("year", Integer.toString(d.year()), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField("year", Integer.toString(d.year())));
        return doc;
    }

    /** Stored "key\nname" pairs back into labels. */
    static List<SearchDocument.Label> labels(String[] stored) {
        List<SearchDocument.Label> out = new ArrayList<>();
        for (String s : stored) {
            int nl = s.indexOf('\n');
            out.add(new SearchDocument.Label(s.substring(0, nl), s.substring(nl + 1)));
        }
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
