package org.broadsheet.change;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the change log short: rows older than a week are deleted. A node down for longer than that rebuilds
 * its search index at start anyway (see the search package), so nothing depends on older rows. Deleting is
 * idempotent, so every node may run it.
 */
@Component
class ChangeLogRetention {

    static final Duration KEEP = Duration.ofDays(7);

    private final ChangeLogRepository repository;
    private final Clock clock;

    ChangeLogRetention(ChangeLogRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
    void prune() {
        repository.deleteBefore(OffsetDateTime.now(clock).minus(KEEP));
    }
}
