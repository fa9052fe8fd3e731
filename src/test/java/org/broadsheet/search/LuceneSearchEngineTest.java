package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.broadsheet.support.BroadsheetProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuceneSearchEngineTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dataDir;
    private LuceneSearchEngine engine;

    @BeforeEach
    void open() throws IOException {
        engine = new LuceneSearchEngine(new BroadsheetProperties(dataDir, false, "", ""), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(engine.open()).isEqualTo(LuceneSearchEngine.Opened.CREATED);
        engine.markReady();
        engine.put(List.of(
                doc(1, "en", "The Sanctions Ratchet", "Why restrictive measures outlast their purpose.",
                        "Sanctions regimes are announced as temporary. Governments impose them quickly and lift them slowly.",
                        "2025-03-01T10:00:00Z", List.of("pavel-vetrov"), List.of("russia", "opinion/analysis"), List.of("sanctions")),
                doc(2, "ru", "Храповик санкций", "Почему санкции остаются.",
                        "Стороны провели несколько раундов, но о переговорах за столом никто не говорил открыто.",
                        "2025-03-02T10:00:00Z", List.of("pavel-vetrov"), List.of("russia"), List.of("sanctions")),
                doc(3, "ja", "人口減少時代の安全保障", "人口が減る国の防衛",
                        "両国は平和条約を結ぶための交渉を続けている。経済安全保障も議題となった。",
                        "2024-06-01T01:00:00Z", List.of("kaede-morioka"), List.of("asia"), List.of("japan")),
                doc(4, "en", "In Praise of Boring Diplomacy", "Quiet work matters.",
                        "Diplomats rarely mention sanctions; the communiqué is about energy and the art of the possible.",
                        "2024-01-10T10:00:00Z", List.of("clara-brennwald"), List.of("opinion"), List.of("diplomacy")),
                doc(5, "en", "Sanctions Tomorrow", "Scheduled for later.", "A piece about sanctions not yet published.",
                        "2026-12-01T10:00:00Z", List.of("clara-brennwald"), List.of("europe"), List.of("sanctions"))));
    }

    @AfterEach
    void close() throws IOException {
        engine.destroy();
    }

    @Test
    void englishWordsAreStemmed() {
        assertThat(ids(search("sanction"))).containsExactlyInAnyOrder(1L, 4L);
        assertThat(ids(search("governing"))).containsExactly(1L);
        assertThat(ids(search("the"))).isEmpty();
    }

    @Test
    void titleOutweighsBody() {
        assertThat(ids(search("sanctions")).get(0)).isEqualTo(1L);
    }

    @Test
    void russianFormsOfAWordFindEachOther() {
        assertThat(ids(search("переговоры"))).containsExactly(2L);
        assertThat(ids(search("санкция"))).containsExactly(2L);
    }

    @Test
    void japaneseCompoundFindsTextWithParticles() {
        assertThat(ids(search("平和条約"))).containsExactly(3L);
        assertThat(ids(search("安全保障"))).containsExactly(3L);
    }

    @Test
    void quotedPhraseMustAppearInOrder() {
        assertThat(ids(search("\"impose them quickly\""))).containsExactly(1L);
        assertThat(ids(search("\"quickly impose them\""))).isEmpty();
    }

    @Test
    void typosFallBackToApproximateMatches() {
        SearchResults results = search("sanctoins");
        assertThat(ids(results)).contains(1L);
        assertThat(results.approximate()).isTrue();
        assertThat(search("sanctions").approximate()).isFalse();
    }

    @Test
    void scheduledArticlesStayHiddenUntilTheirTime() {
        assertThat(ids(search("tomorrow"))).isEmpty();
    }

    @Test
    void filtersNarrowAndFacetsCount() {
        SearchResults bySection = engine.search(new SearchQuery("sanctions", null, "opinion", null, null, null, false, 1, 10));
        assertThat(ids(bySection)).containsExactlyInAnyOrder(1L, 4L);
        SearchResults byAuthor = engine.search(new SearchQuery("", "pavel-vetrov", null, null, null, null, true, 1, 10));
        assertThat(ids(byAuthor)).containsExactly(2L, 1L);
        assertThat(byAuthor.facets().get("language")).extracting(SearchResults.FacetCount::key).containsExactlyInAnyOrder("en", "ru");
        SearchResults byYear = engine.search(new SearchQuery("", null, null, "sanctions", null, 2025, false, 1, 10));
        assertThat(ids(byYear)).containsExactlyInAnyOrder(1L, 2L);
        SearchResults all = search("sanctions");
        assertThat(all.facets().get("section")).contains(new SearchResults.FacetCount("opinion", 2),
                new SearchResults.FacetCount("opinion/analysis", 1));
        assertThat(engine.search(new SearchQuery("sanctions", "nobody", null, null, null, null, false, 1, 10)).total()).isZero();
    }

    @Test
    void snippetsMarkMatchesAndEscapeTheRest() {
        engine.put(List.of(doc(6, "en", "Markup", "", "Use <script>alert(1)</script> and sanctions wisely.",
                "2025-01-01T00:00:00Z", List.of(), List.of(), List.of())));
        SearchResults.Hit hit = search("alert").hits().get(0);
        assertThat(hit.snippetHtml()).contains("<mark>alert</mark>").doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND OR NOT", "title:(", "\\", "*", "?~", "\"unclosed", "[1 TO 5]", "+-!(){}[]^\"~*?:\\/",
            "a\u0000b", "   ", "/regex/", "sanctions~2^5"})
    void anyTextIsSearchedAsText(String text) {
        assertThat(engine.search(new SearchQuery(text, null, null, null, null, null, false, 1, 10))).isNotNull();
    }

    @Test
    void hugeQueriesAreCutNotRejected() {
        String huge = "sanctions ".repeat(1200);
        assertThat(QueryText.parse(huge).truncated()).isTrue();
        assertThat(ids(search(huge))).contains(1L);
    }

    @Test
    void similarArticlesShareTextSectionsAndTags() {
        assertThat(engine.similar(1, 3)).hasValueSatisfying(ids -> assertThat(ids).contains(2L).doesNotContain(1L, 5L));
        assertThat(engine.similar(99, 3)).isEmpty();
    }

    @Test
    void removedDocumentsDisappear() {
        engine.remove(1);
        assertThat(ids(search("ratchet"))).isEmpty();
    }

    @Test
    void anUnreadableIndexIsReplaced() throws IOException {
        engine.destroy();
        Path index = dataDir.resolve("index");
        try (var files = Files.list(index)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("segments")) {
                    Files.write(f, new byte[] {1, 2, 3});
                }
            }
        }
        engine = new LuceneSearchEngine(new BroadsheetProperties(dataDir, false, "", ""), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(engine.open()).isEqualTo(LuceneSearchEngine.Opened.REPLACED_CORRUPT);
        assertThat(engine.ready()).isFalse();
    }

    private SearchResults search(String text) {
        return engine.search(new SearchQuery(text, null, null, null, null, null, false, 1, 10));
    }

    private static List<Long> ids(SearchResults results) {
        return results.hits().stream().map(SearchResults.Hit::id).toList();
    }

    static SearchDocument doc(long id, String language, String title, String standfirst, String body, String published,
                              List<String> authors, List<String> sectionPaths, List<String> tags) {
        OffsetDateTime at = OffsetDateTime.parse(published);
        java.util.Set<String> withParents = new java.util.LinkedHashSet<>();
        for (String p : sectionPaths) {
            String acc = "";
            for (String part : p.split("/")) {
                acc = acc.isEmpty() ? part : acc + "/" + part;
                withParents.add(acc);
            }
        }
        return new SearchDocument(id, "article-" + id, language, title, standfirst, body, at, at, at.getYear(),
                authors.stream().map(a -> new SearchDocument.Label(a, a)).toList(),
                sectionPaths.stream().map(s -> new SearchDocument.Label(s, s)).toList(), List.copyOf(withParents),
                tags.stream().map(t -> new SearchDocument.Label(t, t)).toList());
    }
}
