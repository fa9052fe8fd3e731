package org.broadsheet.cache;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

/**
 * Rendered pages by address, bounded in bytes, with an index from each dependency key to the pages that
 * show it. Invalidation drops exactly those pages. It holds copies of what the database says, nothing more:
 * a node that restarts starts empty and loses nothing.
 */
@Component
public class PageCache {

    private final Cache<String, CachedPage> pages;
    private final ConcurrentHashMap<String, Set<String>> pagesByDependency = new ConcurrentHashMap<>();
    /** Bumped by every invalidation; a page rendered across one is not stored, as it may be stale. */
    private final AtomicLong generation = new AtomicLong();

    PageCache(PageCacheProperties properties) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxBytes())
                // Evict in the thread that adds: the byte limit holds at every moment, not eventually.
                .executor(Runnable::run)
                .weigher((String key, CachedPage page) -> page.weight() + key.length())
                // Runs synchronously when the byte limit pushes a page out, so the index never outgrows the cache.
                // Explicit invalidations clean the index themselves; a stale index entry only ever causes an
                // extra, harmless eviction.
                .evictionListener((String key, CachedPage page, RemovalCause cause) -> {
                    if (key != null && page != null && cause.wasEvicted()) {
                        unindex(key, page);
                    }
                })
                .build();
    }

    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    long generation() {
        return generation.get();
    }

    /** Stores the page unless an invalidation happened since {@code renderedAt} (a generation). */
    void put(String key, CachedPage page, long renderedAt) {
        for (String dependency : page.dependencies()) {
            pagesByDependency.computeIfAbsent(dependency, d -> ConcurrentHashMap.newKeySet()).add(key);
        }
        if (generation.get() != renderedAt) {
            unindex(key, page);
            return;
        }
        pages.put(key, page);
        if (generation.get() != renderedAt) {
            pages.invalidate(key);
        }
    }

    /** Drops every page that shows any of the keys. */
    public void invalidate(Collection<String> dependencies) {
        generation.incrementAndGet();
        for (String dependency : dependencies) {
            Set<String> keys = pagesByDependency.remove(dependency);
            if (keys != null) {
                pages.invalidateAll(keys);
            }
        }
    }

    /** Drops everything: for changes every page shows (the section menu, the site's title). */
    public void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
        pagesByDependency.clear();
    }

    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    long weightedBytes() {
        pages.cleanUp();
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    private void unindex(String key, CachedPage page) {
        for (String dependency : page.dependencies()) {
            pagesByDependency.computeIfPresent(dependency, (d, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }
}
