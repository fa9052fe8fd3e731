package org.broadsheet.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.support.BroadsheetProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher publishes every row once, including rows that commit after a higher-numbered one. */
class ChangeDispatcherTest {

    private final TreeMap<Long, ContentChanged> table = new TreeMap<>();
    private final List<Long> published = new ArrayList<>();
    private ChangeLog log;
    private ChangeDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        ChangeLogRepository repository = mock(ChangeLogRepository.class);
        when(repository.maxSeq()).thenAnswer(i -> table.isEmpty() ? 0L : table.lastKey());
        when(repository.after(anyLong(), anyInt())).thenAnswer(i -> table.tailMap((Long) i.getArgument(0), false)
                .values().stream().limit((Integer) i.getArgument(1)).toList());
        log = new ChangeLog(repository, java.time.Clock.systemUTC(), "test-node");
        dispatcher = new ChangeDispatcher(log, event -> published.add(((ContentChanged) event).seq()),
                new BroadsheetProperties(null, false, "", ""));
    }

    @Test
    void startsAfterWhatAlreadyExistedAndPublishesNewRowsInOrder() {
        commit(1);
        dispatcher.poll();
        assertThat(published).isEmpty();
        commit(2);
        commit(3);
        dispatcher.poll();
        assertThat(published).containsExactly(2L, 3L);
        assertThat(log.processedThrough()).isEqualTo(3);
        dispatcher.poll();
        assertThat(published).containsExactly(2L, 3L);
    }

    @Test
    void aRowThatCommitsLateIsStillPublishedOnce() {
        dispatcher.poll();
        commit(1);
        commit(3);
        dispatcher.poll();
        assertThat(published).containsExactly(1L, 3L);
        assertThat(log.processedThrough()).as("waits at the gap").isEqualTo(1);
        commit(2);
        dispatcher.poll();
        dispatcher.poll();
        assertThat(published).containsExactly(1L, 3L, 2L);
        assertThat(log.processedThrough()).isEqualTo(3);
    }

    /** Row 2 belongs to a transaction (another node's) that began before this node started and commits after. */
    @Test
    void aRowThatCommitsAfterTheNodeStartedBelowTheNewestIsStillPublished() {
        commit(1);
        commit(3);
        dispatcher.poll();
        assertThat(published).isEmpty();
        assertThat(log.processedThrough()).as("waits at the gap").isEqualTo(1);
        commit(2);
        dispatcher.poll();
        assertThat(published).containsExactly(2L);
        assertThat(log.processedThrough()).isEqualTo(3);
        commit(4);
        dispatcher.poll();
        assertThat(published).containsExactly(2L, 4L);
    }

    @Test
    void aListenerThatKeepsFailingIsTriedAgainThenGivenUpWithoutStoppingTheRest() {
        dispatcher = new ChangeDispatcher(log, event -> {
            published.add(((ContentChanged) event).seq());
            throw new IllegalStateException("listener broke");
        }, new BroadsheetProperties(null, false, "", ""), List.of(Duration.ofMillis(1), Duration.ofMillis(1)));
        dispatcher.poll();
        commit(1);
        commit(2);
        dispatcher.poll();
        assertThat(published).containsExactly(1L, 1L, 1L, 2L, 2L, 2L);
        assertThat(log.processedThrough()).isEqualTo(2);
    }

    @Test
    void aChangeWhoseListenerFailsOnceIsDeliveredOnTheNextTry() {
        AtomicInteger failures = new AtomicInteger();
        dispatcher = new ChangeDispatcher(log, event -> {
            if (failures.getAndIncrement() == 0) {
                // As H2 answers a query that meets an index being built.
                throw new IllegalStateException("General error: \"java.util.ConcurrentModificationException\"");
            }
            published.add(((ContentChanged) event).seq());
        }, new BroadsheetProperties(null, false, "", ""), List.of(Duration.ofMillis(1)));
        dispatcher.poll();
        commit(1);
        dispatcher.poll();
        assertThat(published).containsExactly(1L);
        assertThat(log.processedThrough()).isEqualTo(1);
    }

    @Test
    void anErrorInAListenerDoesNotEndTheDispatching() {
        dispatcher = new ChangeDispatcher(log, event -> {
            long seq = ((ContentChanged) event).seq();
            if (seq == 1) {
                throw new StackOverflowError();
            }
            published.add(seq);
        }, new BroadsheetProperties(null, false, "", ""), List.of(Duration.ofMillis(1)));
        dispatcher.poll();
        commit(1);
        commit(2);
        dispatcher.poll();
        assertThat(published).containsExactly(2L);
        assertThat(log.processedThrough()).isEqualTo(2);
    }

    @Test
    void startedAgainAfterAStopItGoesOnFromWhereItStopped() {
        commit(1);
        dispatcher.start();   // row 1 was there before this node: the index replays it, caches start empty
        dispatcher.poll();
        dispatcher.stop();
        commit(2);            // written while stopped, as in a test context Spring has paused
        dispatcher.start();
        try {
            // Before start returns, not at some moment after it.
            assertThat(published).containsExactly(2L);
            assertThat(log.processedThrough()).isEqualTo(2);
        } finally {
            dispatcher.stop();
        }
    }

    private void commit(long seq) {
        table.put(seq, new ContentChanged(seq, ContentChanged.ARTICLE, seq, seq, ContentChanged.UPDATED, "n", OffsetDateTime.now()));
    }

    @Test
    void stoppingLetsTheChangeBeingDispatchedFinishUninterrupted() throws Exception {
        CountDownLatch listening = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        dispatcher = new ChangeDispatcher(log, event -> {
            listening.countDown();
            try {
                Thread.sleep(300);   // a listener at work, as the search index writing a change
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        }, new BroadsheetProperties(null, false, "", ""));
        dispatcher.start();
        commit(1);
        dispatcher.wakeUp();
        assertThat(listening.await(5, TimeUnit.SECONDS)).isTrue();

        dispatcher.stop();

        assertThat(interrupted).isFalse();
        assertThat(finished).isTrue();
        assertThat(dispatcher.isRunning()).isFalse();
    }
}
