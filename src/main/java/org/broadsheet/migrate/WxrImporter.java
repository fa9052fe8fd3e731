package org.broadsheet.migrate;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.broadsheet.media.MediaService;
import org.broadsheet.media.MediaStorage;
import org.broadsheet.render.MarkdownRenderer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress export: streams it entry by entry, converts each batch of items in parallel and
 * commits it in one transaction, so that memory stays flat however large the file and an interrupted
 * import keeps what it committed. Running it again updates what the previous run imported.
 */
@Service
class WxrImporter {

    static final int BATCH = 200;

    private final ImportStore store;
    private final SiteTitleFromExport siteTitle;
    private final DeferredIndexes indexes;
    private final MarkdownRenderer markdown;
    private final MediaStorage storage;
    private final MediaService media;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    WxrImporter(ImportStore store, SiteTitleFromExport siteTitle, DeferredIndexes indexes, MarkdownRenderer markdown,
                MediaStorage storage, MediaService media, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.siteTitle = siteTitle;
        this.indexes = indexes;
        this.markdown = markdown;
        this.storage = storage;
        this.media = media;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    ImportReport newReport(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        return new ImportReport(size);
    }

    /**
     * Runs the import, updating {@code report} as it goes. On malformed XML the report is marked failed
     * with the line and column, and what was committed before stays.
     *
     * @param mediaDir the old site's uploads folder, or null to keep media at their old addresses
     */
    void run(Path file, Path mediaDir, ImportReport report) {
        run(file, file.toString(), mediaDir, report);
    }

    /** @param name the file as its user knows it (an upload's own name, not the temporary file's): messages name it */
    void run(Path file, String name, Path mediaDir, ImportReport report) {
        // A FileInputStream, not Files.newInputStream: the file may be a pipe (import-wxr <(zcat export.xml.gz)),
        // whose channel stream fails the decoder's available() with "Illegal seek".
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16)) {
            run(in, name, mediaDir, report);
        } catch (IOException e) {
            report.fail("Could not read " + name + ": " + e.getMessage());
        }
    }

    /** An export without a file name: messages call it "the export". */
    void run(InputStream in, Path mediaDir, ImportReport report) {
        run(in, "the export", mediaDir, report);
    }

    void run(InputStream in, String name, Path mediaDir, ImportReport report) {
        Runnable restoreWriteDelay = H2WriteDelay.lengthen(store);
        Runnable rebuildIndexes = indexes.dropWhileEmpty();
        try {
            runImport(in, name, mediaDir, report);
        } finally {
            rebuildIndexes.run();
            restoreWriteDelay.run();
        }
        // Only now: the site is imported once its indexes are back, and the time says so.
        if (report.state() == ImportReport.State.RUNNING) {
            report.finish();
        }
    }

    private void runImport(InputStream in, String name, Path mediaDir, ImportReport report) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ImportRun run = null;
        List<Wxr.Item> batch = new ArrayList<>(BATCH);
        // Two stages: this thread reads and converts the next batch while the writer commits the previous one.
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "wxr-import-writer"));
        Pipeline pipeline = new Pipeline(writer);
        try (WxrReader reader = new WxrReader(in, name, report::warn)) {
            Wxr.Entry entry;
            while ((entry = reader.next()) != null) {
                if (run == null) {
                    run = start(reader.channel(), mediaDir, report, now);
                }
                report.bytesRead(reader.bytesRead());
                if (entry instanceof Wxr.Item item) {
                    batch.add(item);
                    if (batch.size() >= BATCH) {
                        write(run, batch, pipeline);
                        batch = new ArrayList<>(BATCH);
                    }
                } else {
                    ImportRun current = run;
                    Wxr.Entry header = entry;
                    pipeline.submit(() -> tx.executeWithoutResult(s -> {
                        if (header instanceof Wxr.Author a) {
                            current.author(a);
                        } else if (header instanceof Wxr.Term t) {
                            current.term(t);
                        }
                    }));
                }
            }
            if (run == null) {
                run = start(reader.channel(), mediaDir, report, now);
            }
            write(run, batch, pipeline);
            ImportRun last = run;
            pipeline.submit(() -> tx.executeWithoutResult(s -> last.finish(true)));
            pipeline.await();
            report.bytesRead(reader.bytesRead());
        } catch (WxrFormatException e) {
            // The items read completely before the error are good: keep them, then say where reading stopped.
            if (run != null) {
                try {
                    write(run, batch, pipeline);
                    ImportRun last = run;
                    pipeline.submit(() -> tx.executeWithoutResult(s -> last.finish(false)));
                    pipeline.await();
                } catch (RuntimeException writeFailure) {
                    report.warn("the items read before the error could not be saved: " + writeFailure.getMessage());
                }
            }
            report.fail(e.getMessage());
        } catch (IOException | RuntimeException e) {
            Throwable cause = e instanceof PipelineFailure && e.getCause() != null ? e.getCause() : e;
            report.fail("The import stopped: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        } finally {
            writer.shutdownNow();
        }
    }

    /** At most one write runs while the next batch is converted; the writer keeps the order of submissions. */
    private static final class Pipeline {
        private final ExecutorService writer;
        private Future<?> last;

        Pipeline(ExecutorService writer) {
            this.writer = writer;
        }

        void submit(Runnable work) {
            await();
            last = writer.submit(work);
        }

        void await() {
            if (last == null) {
                return;
            }
            try {
                last.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PipelineFailure(e);
            } catch (ExecutionException e) {
                throw new PipelineFailure(e.getCause());
            } finally {
                last = null;
            }
        }
    }

    private static final class PipelineFailure extends RuntimeException {
        PipelineFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private ImportRun start(Wxr.Channel channel, Path mediaDir, ImportReport report, OffsetDateTime now) {
        Wxr.Channel c = channel != null ? channel : new Wxr.Channel("", "", "", "", "", "", "");
        if (c.wxrVersion().isBlank()) {
            report.warn("the export names no WXR version (<wp:wxr_version>); read as WXR 1.2");
        } else if (!c.wxrVersion().matches("1\\.[0-2]")) {
            report.warn("the export says it is WXR version \"" + WxrFields.clip(c.wxrVersion(), 40)
                    + "\"; read as WXR 1.2");
        }
        siteTitle.take(c, report);
        String site = c.siteKey().isBlank() ? "wordpress" : c.siteKey();
        MediaImport attachments = new MediaImport(site, new UploadAddresses(c), store, storage, media, mediaDir, report, now);
        return new ImportRun(site, store, markdown, events, report, attachments, now);
    }

    private void write(ImportRun run, List<Wxr.Item> batch, Pipeline pipeline) {
        if (batch.isEmpty()) {
            return;
        }
        List<Wxr.Item> attachments = batch.stream().filter(i -> "attachment".equals(i.postType())).toList();
        List<ImportRun.Converted> converted = batch.parallelStream()
                .filter(i -> !"attachment".equals(i.postType()))
                .map(run::convert).toList();
        List<ImportRun.Converted> all = new ArrayList<>(attachments.size() + converted.size());
        attachments.forEach(a -> all.add(ImportRun.Converted.asIs(a)));
        all.addAll(converted);
        pipeline.submit(() -> tx.executeWithoutResult(s -> run.write(all)));
    }
}
