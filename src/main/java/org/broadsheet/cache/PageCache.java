package org.broadsheet.cache;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Rendered pages by address, bounded in bytes. Each page carries the dependency keys it shows; invalidation
 * walks the cached pages and drops exactly those that show a changed key. There is deliberately no reverse
 * index from keys to pages: keeping one exact while the byte limit pushes pages out and other keys' changes
 * drop them is easy to get wrong, and a walk over the few thousand pages the limit allows is cheap and is
 * paid only when content changes. Pages are also kept no longer than {@link PageCacheProperties#maxAge()}, for
 * what a page shows that follows the clock. It holds copies of what the database says, nothing more: a node that
 * restarts starts empty and loses nothing.
 */
@Component
public class PageCache {

    private final Cache<String, CachedPage> pages;
    /** Bumped by every invalidation; a page rendered across one is not stored, as it may be stale. */
    private final AtomicLong generation = new AtomicLong();
    /** When pages were last dropped (epoch milliseconds). */
    private volatile long changedAt;

    @Autowired
    PageCache(PageCacheProperties properties) {
        this(properties, Ticker.systemTicker());
    }

    PageCache(PageCacheProperties properties, Ticker ticker) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.maxBytes())
                .expireAfterWrite(properties.maxAge())
                .ticker(ticker)
                // Evict in the thread that adds: the byte limit holds at every moment, not eventually.
                .executor(Runnable::run)
                .weigher((String key, CachedPage page) -> page.weight() + key.length())
                .build();
    }

    CachedPage get(String key) {
        return pages.getIfPresent(key);
    }

    long generation() {
        return generation.get();
    }

    /**
     * Whether pages were dropped during the second that starts at {@code secondStart}: a page made in it may
     * replace one made earlier in the same second, and Last-Modified, which counts whole seconds, cannot tell
     * the two apart.
     */
    boolean changedDuringSecond(long secondStart) {
        return changedAt >= secondStart;
    }

    /** Stores the page unless an invalidation happened since {@code renderedAt} (a generation). */
    void put(String key, CachedPage page, long renderedAt) {
        if (generation.get() != renderedAt) {
            return;
        }
        pages.put(key, page);
        if (generation.get() != renderedAt) {
            pages.invalidate(key);
        }
    }

    /** Drops every page that shows any of the keys. */
    public void invalidate(Collection<String> dependencies) {
        Set<String> changed = dependencies instanceof Set<String> set ? set : Set.copyOf(dependencies);
        invalidateIf((key, page) -> showsAny(page, changed));
    }

    /** Drops every page for which the test, given its cache key and the page, is true. */
    void invalidateIf(BiPredicate<String, CachedPage> test) {
        changedAt = System.currentTimeMillis();
        generation.incrementAndGet();
        pages.asMap().entrySet().removeIf(entry -> test.test(entry.getKey(), entry.getValue()));
    }

    static boolean showsAny(CachedPage page, Set<String> dependencies) {
        for (String dependency : page.dependencies()) {
            if (dependencies.contains(dependency)) {
                return true;
            }
        }
        return false;
    }

    /** Drops everything: for changes every page shows (the section menu, the site's title). */
    public void clear() {
        changedAt = System.currentTimeMillis();
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    long weightedBytes() {
        pages.cleanUp();
        return pages.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }
}
