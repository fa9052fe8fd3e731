package org.broadsheet.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Values read from the database that nearly every page needs and that rarely change (the site's settings, the
 * section tree, author profiles), kept in memory until {@link ReadMostlyCaches#clearAll()} says that content
 * changed. Made by {@link ReadMostlyCaches#create(long)}.
 * <p>
 * Every entry carries the generation it was read in; a clear starts a new generation, so an entry that a reader
 * was loading while a change committed is never served afterwards, whatever the interleaving.
 */
public final class ReadMostly<K, V> {

    private record Stamped<V>(V value, long generation) {
    }

    private final Cache<K, Stamped<V>> entries;
    private final AtomicLong generation;

    ReadMostly(long maximumSize, AtomicLong generation) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
        this.generation = generation;
    }

    /** The kept value, or {@code load}'s answer, kept when not null. */
    public V get(K key, Function<? super K, ? extends V> load) {
        long current = generation.get();
        Stamped<V> kept = entries.getIfPresent(key);
        if (kept != null && kept.generation() == current) {
            return kept.value();
        }
        V value = load.apply(key);
        keep(key, value, current);
        return value;
    }

    /**
     * The kept values of these keys; the missing ones come from one call of {@code load}, which may leave out
     * keys that do not exist. Iteration follows {@code keys}.
     */
    public Map<K, V> getAll(Collection<K> keys, Function<List<K>, Map<K, V>> load) {
        long current = generation.get();
        Map<K, V> out = new LinkedHashMap<>();
        List<K> missing = new ArrayList<>();
        for (K key : keys) {
            Stamped<V> kept = entries.getIfPresent(key);
            if (kept != null && kept.generation() == current) {
                out.put(key, kept.value());
            } else if (!out.containsKey(key)) {
                missing.add(key);
                out.put(key, null);
            }
        }
        if (!missing.isEmpty()) {
            Map<K, V> loaded = load.apply(missing);
            for (K key : missing) {
                V value = loaded.get(key);
                keep(key, value, current);
                if (value == null) {
                    out.remove(key);
                } else {
                    out.put(key, value);
                }
            }
        }
        return out;
    }

    void clear() {
        entries.invalidateAll();
    }

    private void keep(K key, V value, long readIn) {
        if (value != null && generation.get() == readIn) {
            entries.put(key, new Stamped<>(value, readIn));
        }
    }
}
