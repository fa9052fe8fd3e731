package org.broadsheet.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Imports started from the newsroom: run one at a time on a background thread, so that the upload request
 * returns at once and the progress page can be reloaded. The progress of a running import lives in this
 * node's memory; what it imports is committed to the database batch by batch as usual.
 */
@Component
class ImportJobs {

    record Job(String id, String fileName, String startedBy, OffsetDateTime startedAt, ImportReport report) {
    }

    private final WxrImporter importer;
    private final Clock clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "wxr-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(WxrImporter importer, Clock clock) {
        this.importer = importer;
        this.clock = clock;
    }

    /** Starts importing an uploaded file, which is deleted when the import ends. */
    Job start(Path upload, String fileName, String startedBy) {
        ImportReport report = importer.newReport(upload);
        Job job = new Job(UUID.randomUUID().toString(), fileName, startedBy, OffsetDateTime.now(clock), report);
        jobs.put(job.id(), job);
        report.waitInLine();
        worker.submit(() -> {
            try {
                report.begin();
                importer.run(upload, fileName, null, report);
            } finally {
                try {
                    Files.deleteIfExists(upload);
                } catch (java.io.IOException ignored) {
                    // a leftover upload in the data directory's tmp folder is harmless
                }
            }
        });
        return job;
    }

    Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    List<Job> recent() {
        List<Job> out = new ArrayList<>(jobs.values());
        out.sort(Comparator.comparing(Job::startedAt).reversed());
        return out;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
