package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.broadsheet.media.MediaStorage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The jar commands as an operator runs them: arguments, report, exit status. */
@SpringBootTest(properties = "broadsheet.demo-content=false")
class MigrationCommandsTest {

    @Autowired
    ImportWxrCommand importWxr;
    @Autowired
    ExportCommand export;
    @Autowired
    ImportBackupCommand importBackup;
    @Autowired
    ExportWxrCommand exportWxr;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.broadsheet.support.BroadsheetProperties properties;
    @Autowired
    MediaStorage storage;

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
    }

    private int run(org.broadsheet.support.CliCommand command, String... args) throws Exception {
        out.reset();
        err.reset();
        return command.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void importWxrReportsCountsAndExitsZero() throws Exception {
        Path file = tmp.resolve("site.xml");
        Files.writeString(file, WxrImportBehaviourTest.Wxr.site(WxrImportBehaviourTest.Wxr.item(1, "One", "one", "publish", "post", "Text",
                WxrImportBehaviourTest.Wxr.comment(1, 0, "1", "Reader", "Hi") + "[unknown_code foo=\"1\"]")));
        assertThat(run(importWxr, file.toString(), "--media-dir", tmp.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Import finished").containsPattern("posts\\s+1")
                .containsPattern("comments\\s+1").contains("posts+pages/s").contains("max heap");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("items/s").contains("ETA");
    }

    /** {@code import-wxr <(zcat site.xml.gz)}: the shell hands over a pipe, which cannot be measured or rewound. */
    @Test
    void importWxrReadsAnExportFromAPipe() throws Exception {
        Path pipe = fifo("pipe.xml");
        Thread writer = feed(pipe, WxrImportBehaviourTest.Wxr.site(
                WxrImportBehaviourTest.Wxr.item(31, "Piped", "piped", "publish", "post", "Text", "")).getBytes(StandardCharsets.UTF_8));
        assertThat(run(importWxr, pipe.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        writer.join();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Import finished").containsPattern("posts\\s+1");
    }

    /**
     * {@code export >(ssh backup 'cat > site.zip')} and {@code import-backup <(ssh backup 'cat site.zip')}: the
     * archive is written straight into the pipe (no file put in its place) and read back from one.
     */
    @Test
    void exportWritesIntoAPipeAndImportBackupReadsFromOne() throws Exception {
        Path file = tmp.resolve("site.xml");
        Files.writeString(file, WxrImportBehaviourTest.Wxr.site(WxrImportBehaviourTest.Wxr.item(41, "Through a pipe", "through-a-pipe",
                "publish", "post", "Text", WxrImportBehaviourTest.Wxr.comment(1, 0, "1", "Reader", "Kept"))));
        assertThat(run(importWxr, file.toString())).isZero();

        Path outPipe = fifo("out.zip");
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(outPipe);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(run(export, outPipe.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        byte[] archive = read.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Files.isRegularFile(outPipe)).as("the pipe is still a pipe").isFalse();
        assertThat(tmp.resolve("out.zip.part")).doesNotExist();
        assertThat(archive).startsWith('P', 'K');

        Sites.wipe(jdbc);
        Path inPipe = fifo("in.zip");
        Thread writer = feed(inPipe, archive);
        assertThat(run(importBackup, inPipe.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        writer.join();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Restored").containsPattern("article\\s+1 rows");
        assertThat(jdbc.sql("SELECT title FROM article").query(String.class).list()).containsExactly("Through a pipe");
        assertThat(jdbc.sql("SELECT body FROM comment").query(String.class).list()).containsExactly("Kept");
        try (var left = Files.list(properties.dataDir().resolve("tmp"))) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("restore-"));
        }
    }

    /** A pipe that brings no archive is named as the file the operator gave, not as the copy it was read into. */
    @Test
    void importBackupFromAPipeWithoutAnArchiveSaysSo() throws Exception {
        Path inPipe = fifo("empty.zip");
        Thread writer = feed(inPipe, "not an archive".getBytes(StandardCharsets.UTF_8));
        assertThat(run(importBackup, inPipe.toString())).isEqualTo(1);
        writer.join();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("empty.zip is not a Broadsheet archive: it is not a zip file");
    }

    /** Starts writing the bytes into the pipe; the write returns once a reader has taken them. */
    private static Thread feed(Path pipe, byte[] bytes) {
        Thread writer = new Thread(() -> {
            try {
                Files.write(pipe, bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        return writer;
    }

    private Path fifo(String name) throws Exception {
        Path pipe = tmp.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        return pipe;
    }

    @Test
    void importWxrFailsWithLineAndColumnOnBrokenXml() throws Exception {
        Path file = tmp.resolve("broken.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?>\n<rss><channel><item><title>x</title>\n</channel></rss>");
        assertThat(run(importWxr, file.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ": malformed XML at line 3, column ");
    }

    @Test
    void wrongArgumentsShowUsage() throws Exception {
        assertThat(run(importWxr)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: import-wxr FILE.xml [--media-dir DIR]");
        assertThat(run(importWxr, tmp.resolve("absent.xml").toString())).isEqualTo(1);
        assertThat(run(importWxr, tmp.resolve("absent.xml").toString(), "--media-dir", "/no/such/dir")).isEqualTo(1);
        assertThat(run(export)).isEqualTo(2);
        assertThat(run(importBackup)).isEqualTo(2);
        assertThat(run(exportWxr)).isEqualTo(2);
    }

    /** Folders, missing folders and files that are not archives are named, and nothing is written over. */
    @Test
    void filesThatCannotBeUsedAreNamedAndNothingIsReplaced() throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("exports"));
        assertThat(run(importWxr, folder.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("import-wxr: " + folder + " is a folder");
        assertThat(run(importBackup, tmp.resolve("absent.zip").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no file");

        assertThat(run(export, folder.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is a folder; name the file to write in it");
        assertThat(run(exportWxr, folder.toString())).isEqualTo(1);
        assertThat(Files.isDirectory(folder)).isTrue();
        assertThat(run(export, tmp.resolve("no-such-folder/site.zip").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-folder does not exist");

        Path notZip = tmp.resolve("notes.zip");
        Files.writeString(notZip, "just some text");
        assertThat(run(importBackup, notZip.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("notes.zip is not a Broadsheet archive: it is not a zip file");
    }

    @Test
    void exportAndRestoreRefusesANonEmptyInstance() throws Exception {
        Path file = tmp.resolve("site.xml");
        Files.writeString(file, WxrImportBehaviourTest.Wxr.site(WxrImportBehaviourTest.Wxr.item(1, "One", "one", "publish", "post", "Text", "")));
        run(importWxr, file.toString());
        Path archive = tmp.resolve("site.zip");
        assertThat(run(export, archive.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("article\\s+1 rows");
        assertThat(run(importBackup, archive.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty");
        assertThat(run(exportWxr, tmp.resolve("out.xml").toString())).isZero();
        assertThat(Files.readString(tmp.resolve("out.xml"))).contains("<wp:wxr_version>1.2</wp:wxr_version>");
        // Without the site's public address the images' addresses are this machine's: the command says so.
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broadsheet.base-url is not set")
                .contains("--broadsheet.base-url=");
    }

    /**
     * The database used to be committed before the media files were written: a bad entry among them left a
     * half-restored site that a second try refused as "not empty". Nothing may stay, so the restore can be retried.
     */
    @Test
    void aRestoreStoppedByAMediaEntryKeepsNothingAndCanBeRetried() throws Exception {
        Path archive = archiveWithPhoto();
        Path escaped = storage.root().resolve("../../escaped-" + UUID.randomUUID() + ".txt").normalize();
        Path slip = variant(archive, "zipslip.zip", (name, text) -> text,
                "media/" + storage.root().relativize(escaped).toString(), "outside".getBytes(StandardCharsets.UTF_8));

        assertThat(run(importBackup, slip.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("zipslip.zip: the entry media/../../escaped-")
                .contains("would be written outside the media folder; nothing was restored.");
        assertNothingRestored();
        assertThat(escaped).doesNotExist();

        assertThat(run(importBackup, archive.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM article")).isEqualTo(1);
        assertThat(storage.resolve(PHOTO_KEY)).hasBinaryContent(PHOTO);
    }

    /** The zip library does not check a stored file against its checksum: the restore does, before any row. */
    @Test
    void aDamagedMediaFileStopsTheRestoreBeforeAnyRow() throws Exception {
        Path archive = archiveWithPhoto();
        Path stored = variant(archive, "stored.zip", (name, text) -> text, null, null);
        byte[] bytes = Files.readAllBytes(stored);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = raw.indexOf(new String(PHOTO, StandardCharsets.ISO_8859_1));
        assertThat(at).as("the photo is stored uncompressed").isPositive();
        bytes[at + PHOTO.length - 1] ^= 1;
        Path damaged = Files.write(tmp.resolve("damaged.zip"), bytes);

        assertThat(run(importBackup, damaged.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("damaged.zip: the entry media/" + PHOTO_KEY + " is damaged (its checksum does not match its content)");
        assertNothingRestored();
    }

    /** Not two lines of the JSON parser's text: the entry, the line, and that nothing was kept. */
    @Test
    void aLineThatIsNotJsonIsNamedWithItsEntryAndLine() throws Exception {
        Path archive = archiveWithPhoto();
        Path broken = variant(archive, "badjson.zip",
                (name, text) -> name.equals("tables/comment.jsonl") ? text + "broken\n" : text, null, null);
        long lines;
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            lines = new String(zip.getInputStream(zip.getEntry("tables/comment.jsonl")).readAllBytes(), StandardCharsets.UTF_8)
                    .lines().count();
        }
        assertThat(run(importBackup, broken.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("badjson.zip: tables/comment.jsonl line " + (lines + 1)
                + " is not valid JSON: Unrecognized token 'broken'").contains("; nothing was restored.")
                .doesNotContain("Source").hasLineCount(1);
        assertNothingRestored();
    }

    /** A row that refers to one the archive lacks is named, with what it refers to; no SQL statement is shown. */
    @Test
    void aRowReferringToAMissingRowIsNamed() throws Exception {
        Path archive = archiveWithPhoto();
        Path badLink = variant(archive, "badfk.zip", (name, text) -> name.equals("tables/comment.jsonl")
                ? text.replaceAll("\"article_id\":\\d+", "\"article_id\":999") : text, null, null);
        assertThat(run(importBackup, badLink.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("badfk.zip: tables/comment.jsonl line 1: comment \\d+ "
                + "refers to article 999 \\(article_id\\), which is not in the archive; nothing was restored.")
                .doesNotContain("INSERT").doesNotContain("SQL").hasLineCount(1);
        assertNothingRestored();
    }

    private static final String PHOTO_KEY = "restore-test/photo.png";
    private static final byte[] PHOTO = "PHOTO-BYTES-0123456789".getBytes(StandardCharsets.UTF_8);

    /** An archive of a site with one article, one comment and one media file; the site is emptied afterwards. */
    private Path archiveWithPhoto() throws Exception {
        Path file = tmp.resolve("site.xml");
        Files.writeString(file, WxrImportBehaviourTest.Wxr.site(WxrImportBehaviourTest.Wxr.item(51, "Restored whole", "restored-whole",
                "publish", "post", "Text", WxrImportBehaviourTest.Wxr.comment(1, 0, "1", "Reader", "Kept"))));
        assertThat(run(importWxr, file.toString())).isZero();
        storage.write(PHOTO_KEY, PHOTO);
        Path archive = tmp.resolve("site.zip");
        assertThat(run(export, archive.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Sites.wipe(jdbc);
        storage.delete(PHOTO_KEY);
        return archive;
    }

    private void assertNothingRestored() throws Exception {
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM article")).isZero();
        assertThat(Sites.count(jdbc, "SELECT COUNT(*) FROM comment")).isZero();
        assertThat(storage.resolve(PHOTO_KEY)).doesNotExist();
        try (var beside = Files.list(storage.root().getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".media-restore-"));
        }
    }

    /**
     * A copy of the archive with each text entry passed through {@code change} and, when {@code extraName} is
     * given, one more entry at the end. Media files are stored uncompressed, so a test can find their bytes.
     */
    private Path variant(Path archive, String name, java.util.function.BiFunction<String, String, String> change,
                         String extraName, byte[] extra) throws Exception {
        Path out = tmp.resolve(name);
        try (ZipFile in = new ZipFile(archive.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                ZipEntry copy = new ZipEntry(entry.getName());
                if (entry.getName().startsWith("media/")) {
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(bytes.length);
                    copy.setCompressedSize(bytes.length);
                    copy.setCrc(crc.getValue());
                } else {
                    bytes = change.apply(entry.getName(), new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(copy);
                zip.write(bytes);
                zip.closeEntry();
            }
            if (extraName != null) {
                zip.putNextEntry(new ZipEntry(extraName));
                zip.write(extra);
                zip.closeEntry();
            }
        }
        return out;
    }
}
