package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.broadsheet.testing.JarCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-backup FILE} with a file that is no archive used to start the application, make an empty
 * database in the data folder, and only then say that the file was not a zip. The check before the start reads
 * the zip's table of contents and its manifest: the operator learns what is wrong with the file, and the data
 * folder stays as it was.
 */
class ImportBackupCheckTest {

    @TempDir
    Path tmp;

    @Test
    void aFileThatIsNoArchiveIsRefusedBeforeADatabaseIsMade() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "Remember to renew the domain.\n");
        refused(notes, notes + " is not a Broadsheet archive: it is not a zip file. Give the .zip file that the export command wrote.");

        Path wxr = Files.writeString(tmp.resolve("journal.WordPress.2026-11-25.xml"), WxrImportBehaviourTest.Wxr.site(
                WxrImportBehaviourTest.Wxr.item(1, "One", "one", "publish", "post", "Text", "")));
        refused(wxr, wxr + " is not a Broadsheet archive: it is XML, a WordPress export (WXR) it seems: import that with import-wxr");

        Path empty = Files.createFile(tmp.resolve("empty.zip"));
        refused(empty, empty + " is not a Broadsheet archive: the file is empty");

        byte[] whole = archive("{\"format\":1,\"application\":\"broadsheet\",\"tables\":[\"tag\"],\"mediaFiles\":0}", true);
        Path cut = Files.write(tmp.resolve("cut.zip"), Arrays.copyOf(whole, whole.length / 2));
        refused(cut, cut + " is not a Broadsheet archive: it starts as a zip file but its end, where a zip lists its "
                + "entries, is missing: the file was cut short");
    }

    @Test
    void aZipThatIsNotABroadsheetArchiveIsRefusedBeforeADatabaseIsMade() throws Exception {
        Path photos = Files.write(tmp.resolve("photos.zip"), zip("holiday.txt", "not a backup"));
        refused(photos, photos + " is not a Broadsheet archive: it is a zip file without the manifest.json that the export command writes.");

        Path other = Files.write(tmp.resolve("other.zip"), zip("manifest.json", "{\"format\":1,\"application\":\"something else\"}"));
        refused(other, other + " is not a Broadsheet archive: its manifest.json is not the one the export command writes.");

        Path later = Files.write(tmp.resolve("later.zip"), archive("{\"format\":2,\"application\":\"broadsheet\",\"tables\":[]}", false));
        refused(later, later + ": this archive's format (2) is not one this version reads.");

        Path missing = Files.write(tmp.resolve("missing.zip"),
                archive("{\"format\":1,\"application\":\"broadsheet\",\"tables\":[\"tag\",\"article\"],\"mediaFiles\":0}", true));
        refused(missing, missing + " is incomplete: its manifest lists the table article but the archive has no tables/article.jsonl");

        Path fewerFiles = Files.write(tmp.resolve("fewer.zip"),
                archive("{\"format\":1,\"application\":\"broadsheet\",\"tables\":[\"tag\"],\"mediaFiles\":3}", true));
        refused(fewerFiles, fewerFiles + " is incomplete: its manifest counts 3 media files but the archive has 0");
    }

    /** What the launcher checks is all it checks: a sound archive passes, and is restored by the command. */
    @Test
    void anArchiveWithItsManifestAndEntriesPasses() throws Exception {
        Path sound = Files.write(tmp.resolve("site.zip"),
                archive("{\"format\":1,\"application\":\"broadsheet\",\"tables\":[\"tag\"],\"mediaFiles\":0}", true));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new ImportBackupCommand.Syntax().check(List.of(sound.toString()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Runs the jar's command on FILE with a file database in a new data folder; that folder must not appear. */
    private void refused(Path file, String message) {
        String dir = "target/test-data/import-backup-refused-" + UUID.randomUUID();
        JarCommand.Run run = JarCommand.run("import-backup", file.toString(), "--broadsheet.data-dir=" + dir,
                "--spring.datasource.url=jdbc:h2:file:${broadsheet.data-dir}/broadsheet;MODE=PostgreSQL");
        String output = run.output();
        int status = run.status();
        assertThat(status).as(output).isEqualTo(1);
        assertThat(output).startsWith("import-backup: " + message).doesNotContain("Flyway").doesNotContain("\tat ");
        assertThat(Path.of(dir)).as("the data folder of a refused import-backup " + file.getFileName()).doesNotExist();
    }

    /** An archive with the manifest given and, when {@code withTag}, the tag table's entry with one row. */
    private static byte[] archive(String manifest, boolean withTag) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (withTag) {
                zip.putNextEntry(new ZipEntry("tables/tag.jsonl"));
                // Long enough that half the archive ends before the manifest and the list of entries.
                for (int i = 1; i <= 200; i++) {
                    zip.write(("{\"id\":" + i + ",\"slug\":\"tag-" + UUID.randomUUID() + "\",\"name\":\"Tag " + i + "\"}\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String name, String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
