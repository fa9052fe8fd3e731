package org.broadsheet.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The articles whose changes the change log delivered while the index was catching up (a rebuild, or the
 * replay at start), on another thread than the one catching up. That thread applies them itself, after its own
 * pass and until none are left, and only then are changes applied where they arrive again.
 * <p>
 * So one thread at a time reads an article and writes what it read: were the change applied at once, the
 * catching-up thread could write an older read of the same article after it (an article deleted just after
 * that thread read it would stay searchable until its next change).
 */
final class ChangesWhileCatchingUp {

    private final Set<Long> articleIds = new LinkedHashSet<>();
    private boolean catchingUp;

    /** From now on changes are queued; calling it again while catching up changes nothing. */
    synchronized void begin() {
        catchingUp = true;
    }

    synchronized boolean catchingUp() {
        return catchingUp;
    }

    /** True when the article was queued for the catching-up thread; false when the caller applies it. */
    synchronized boolean queue(long articleId) {
        if (catchingUp) {
            articleIds.add(articleId);
        }
        return catchingUp;
    }

    /**
     * The articles queued since the last call, for the catching-up thread to apply; none ends the catch-up, in
     * the same step, so that no change falls between the last of them and the end.
     */
    synchronized List<Long> takeOrEnd() {
        if (articleIds.isEmpty()) {
            catchingUp = false;
            return List.of();
        }
        List<Long> taken = new ArrayList<>(articleIds);
        articleIds.clear();
        return taken;
    }

    /** After a failed catch-up: changes are applied where they arrive again; those queued are given up. */
    synchronized void abandon() {
        catchingUp = false;
        articleIds.clear();
    }
}
