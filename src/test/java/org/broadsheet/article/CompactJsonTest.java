package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The article's JSON-LD is written without a general mapper: it must come out exactly as one writes it. */
class CompactJsonTest {

    private final JsonMapper jackson = JsonMapper.builder().build();

    @Test
    void writesWhatJacksonWrites() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        every.append("é ‘quotes’ — ÿ \u2028\u2029 \uD83D\uDE00 </script><!-- \\u0041");
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("headline", every.toString());
        ld.put("empty", "");
        ld.put("author", List.of(Map.of("@type", "Person", "name", "O\"Brien\\"), Map.of()));
        ld.put("keywords", List.of());
        ld.put("nested", Map.of("a", List.of("x", List.of("y"))));
        ld.put("nothing", null);
        ld.put("count", 3);
        ld.put("flag", true);

        assertThat(CompactJson.of(ld)).isEqualTo(jackson.writeValueAsString(ld));
    }
}
