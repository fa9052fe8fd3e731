package org.broadsheet.migrate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The replies among one batch of new comments, worked out before any is inserted, so that a reply can be
 * inserted with its parent's id instead of being linked by a second pass of updates. Comments are inserted
 * in export order (ids follow the old site's order, which breaks ties between comments of one second), in
 * runs: a run ends where the next comment answers one in the same run, whose id is not known until the run
 * is written. Only a reply that comes before its parent in the export must be linked afterwards
 * ({@link #answersLater}). A comment that answers itself or a missing comment is put at the top level
 * ({@link #unanswerable}); so is, in a broken export whose replies go round in a loop, one comment of the
 * loop ({@link #loops}).
 */
final class CommentThreads {

    private static final int UNKNOWN = 0;
    private static final int ON_PATH = 1;
    private static final int DONE = 2;

    private final int[] parent;
    private final int[] state;
    private final List<Integer> unanswerable = new ArrayList<>();
    private final List<Integer> loops = new ArrayList<>();
    private final List<Integer> runEnds = new ArrayList<>();
    private final List<Integer> answersLater = new ArrayList<>();

    CommentThreads(List<ImportStore.NewComment> comments) {
        int n = comments.size();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String id = comments.get(i).wpId();
            if (!id.isBlank()) {
                // An id given twice: replies go to the later one, as they did when parents were linked afterwards.
                position.put(id, i);
            }
        }
        parent = new int[n];
        state = new int[n];
        Arrays.fill(parent, -1);
        for (int i = 0; i < n; i++) {
            ImportStore.NewComment c = comments.get(i);
            if (c.row().parentId() == null && ImportedComments.hasParent(c.wpParent())) {
                Integer p = c.wpParent().equals(c.wpId()) ? null : position.get(c.wpParent());
                if (p == null) {
                    unanswerable.add(i);
                } else {
                    parent[i] = p;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            breakLoops(i);
        }
        Collections.sort(loops);
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            int p = parent[i];
            if (p >= runStart && p < i) {
                runEnds.add(i);
                runStart = i;
            } else if (p > i) {
                answersLater.add(i);
            }
        }
        if (n > 0) {
            runEnds.add(n);
        }
    }

    /** Follows the comment's chain of parents; a chain that comes back to itself is cut. No recursion: threads may be deep. */
    private void breakLoops(int start) {
        Deque<Integer> path = new ArrayDeque<>();
        int i = start;
        while (i >= 0 && state[i] == UNKNOWN) {
            state[i] = ON_PATH;
            path.push(i);
            int p = parent[i];
            if (p >= 0 && state[p] == ON_PATH) {
                parent[i] = -1;
                loops.add(i);
            }
            i = parent[i];
        }
        path.forEach(k -> state[k] = DONE);
    }

    /** Where each run ends (exclusive), in order; the first run starts at 0, each next one where the last ended. */
    List<Integer> runEnds() {
        return runEnds;
    }

    /** The position in the batch of the comment that {@code i} answers, or -1 (top level, or a parent known before). */
    int parentOf(int i) {
        return parent[i];
    }

    /** Positions of the replies that come before their parent in the batch: linked once the parent has its id. */
    List<Integer> answersLater() {
        return answersLater;
    }

    /** Positions, in order, of the comments that answer themselves or a comment neither this batch nor an earlier one has. */
    List<Integer> unanswerable() {
        return unanswerable;
    }

    /** Positions, in order, of the comments put at the top level to break a loop of replies. */
    List<Integer> loops() {
        return loops;
    }
}
