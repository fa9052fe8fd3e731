package org.broadsheet.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * The {@link ReadMostly} caches of this node, cleared together. The change feature clears them after every
 * committed change that is not a comment — of an article, an author, the settings, sections, tags, partners
 * or media — made on this node or, through the change log, on any other. Such changes are rare next to page
 * views, so clearing everything costs a few queries and keeps the rule simple: nothing these caches hold
 * outlives the change that alters it. Comments are never kept here.
 */
@Component
public class ReadMostlyCaches {

    private final AtomicLong generation = new AtomicLong();
    private final List<ReadMostly<?, ?>> caches = new CopyOnWriteArrayList<>();

    /** A new cache of at most {@code maximumSize} entries. */
    public <K, V> ReadMostly<K, V> create(long maximumSize) {
        ReadMostly<K, V> cache = new ReadMostly<>(maximumSize, generation);
        caches.add(cache);
        return cache;
    }

    public void clearAll() {
        generation.incrementAndGet();
        caches.forEach(ReadMostly::clear);
    }
}
