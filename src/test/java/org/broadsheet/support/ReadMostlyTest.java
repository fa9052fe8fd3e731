package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ReadMostlyTest {

    private final ReadMostlyCaches caches = new ReadMostlyCaches();
    private final Map<Long, String> table = new HashMap<>(Map.of(1L, "Ada", 2L, "Grace"));
    private final AtomicInteger reads = new AtomicInteger();

    private Map<Long, String> read(List<Long> ids) {
        reads.incrementAndGet();
        Map<Long, String> out = new HashMap<>();
        ids.forEach(id -> {
            if (table.containsKey(id)) {
                out.put(id, table.get(id));
            }
        });
        return out;
    }

    @Test
    void readsOnceUntilCleared() {
        ReadMostly<Long, String> names = caches.create(100);
        assertThat(names.getAll(List.of(1L, 2L), this::read)).containsExactly(Map.entry(1L, "Ada"), Map.entry(2L, "Grace"));
        assertThat(names.getAll(List.of(2L, 1L), this::read)).containsExactly(Map.entry(2L, "Grace"), Map.entry(1L, "Ada"));
        assertThat(reads).hasValue(1);

        table.put(1L, "Ada Lovelace");
        caches.clearAll();
        assertThat(names.getAll(List.of(1L), this::read)).containsExactly(Map.entry(1L, "Ada Lovelace"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void leavesOutWhatDoesNotExistAndReadsOnlyWhatIsMissing() {
        ReadMostly<Long, String> names = caches.create(100);
        names.getAll(List.of(1L), this::read);
        List<List<Long>> asked = new java.util.ArrayList<>();
        Map<Long, String> found = names.getAll(List.of(1L, 3L), ids -> {
            asked.add(ids);
            return read(ids);
        });
        assertThat(found).containsOnlyKeys(1L);
        assertThat(asked).containsExactly(List.of(3L));
    }

    @Test
    void aValueReadWhileAChangeCommittedIsNotKept() {
        ReadMostly<String, String> title = caches.create(1);
        String seen = title.get("title", k -> {
            String old = "Old title";
            // The change commits and clears the caches while this reader still holds the old row.
            caches.clearAll();
            return old;
        });
        assertThat(seen).isEqualTo("Old title");
        assertThat(title.get("title", k -> "New title")).isEqualTo("New title");
    }
}
