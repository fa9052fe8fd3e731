package org.broadsheet.migrate;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.broadsheet.support.CliCommand;
import org.springframework.stereotype.Component;

/** {@code import-wxr FILE.xml [--media-dir DIR]}: imports a WordPress export, showing progress. */
@Component
class ImportWxrCommand implements CliCommand {

    private final WxrImporter importer;

    ImportWxrCommand(WxrImporter importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "import-wxr";
    }

    /** Listed in META-INF/spring.factories: the launcher checks the arguments before the database starts. */
    static final class Syntax extends OneFileSyntax {

        Syntax() {
            super("import-wxr", "FILE.xml [--media-dir DIR]", "import a WordPress export (run again to update)",
                    Set.of("--media-dir"), Set.of());
        }

        @Override
        String problem(CommandArgs args) {
            String problem = CommandArgs.unreadableInput(Path.of(args.positional().get(0)));
            String mediaDir = args.option("--media-dir");
            if (problem == null && mediaDir != null && !Files.isDirectory(Path.of(mediaDir))) {
                problem = "--media-dir " + mediaDir + " is not a folder";
            }
            return problem;
        }
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArgs parsed;
        try {
            parsed = new Syntax().accept(args);
        } catch (CommandArgs.Refused e) {
            return e.reportTo(err);
        }
        Path file = Path.of(parsed.positional().get(0));
        Path mediaDir = parsed.option("--media-dir") == null ? null : Path.of(parsed.option("--media-dir"));
        ImportReport report = importer.newReport(file);
        long cpuBefore = processCpuNanos();
        TerminalProgress progress = new TerminalProgress(err, System.console() != null);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            Future<?> job = worker.submit(() -> importer.run(file, mediaDir, report));
            while (!job.isDone()) {
                progress.update(report, false);
                Thread.sleep(100);
            }
            job.get();
        } finally {
            worker.shutdown();
            worker.awaitTermination(1, TimeUnit.MINUTES);
        }
        progress.update(report, true);
        PrintStream target = report.state() == ImportReport.State.FAILED ? err : out;
        report.summary().forEach(target::println);
        double seconds = report.seconds();
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        long articles = report.count("posts") + report.count("pages");
        target.printf("Speed: %,.0f posts+pages/s, %,.0f comments/s; CPU %.1f s (%,.0f posts per CPU-second); heap pools' peaks add up to %,d MB (an upper bound, not reached at once; max heap %,d MB)%n",
                articles / seconds, report.count("comments") / seconds, cpu, cpu > 0 ? articles / cpu : 0,
                peakHeapMegabytes(), Runtime.getRuntime().maxMemory() >> 20);
        return report.state() == ImportReport.State.FINISHED ? 0 : 1;
    }

    /** CPU time of the whole process so far, all threads: a measure that other processes on the machine do not skew. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** The sum of the heap pools' peaks since start: an upper bound of the heap the import needed. */
    static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
