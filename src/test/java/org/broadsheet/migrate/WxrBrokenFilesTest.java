package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.broadsheet.migrate.WxrImportBehaviourTest.Wxr;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files that are not a whole WordPress export as they stand get a message that says what to do with them. */
@SpringBootTest(properties = "broadsheet.demo-content=false")
class WxrBrokenFilesTest {

    @Autowired
    WxrImporter importer;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    private final String export = Wxr.site(Wxr.item(1, "One", "one", "publish", "post", "Text", ""));

    @BeforeEach
    void emptySite() {
        Sites.wipe(jdbc);
    }

    private ImportReport run(Path file) {
        ImportReport report = importer.newReport(file);
        importer.run(file, null, report);
        return report;
    }

    /** A disk that fails, a pipe whose writer dies: said as a failure to read, not as broken XML. */
    @Test
    void aFileThatCannotBeReadOnIsNamedAsSuch() {
        byte[] start = export.getBytes(StandardCharsets.UTF_8);
        java.io.InputStream failing = new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(start, 0, start.length / 2), new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        throw new java.io.IOException("Input/output error");
                    }
                });
        ImportReport report = new ImportReport(start.length);
        importer.run(failing, null, report);

        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).startsWith("the export: reading failed at line").contains("Input/output error")
                .doesNotContain("malformed XML");
    }

    @Test
    void aZippedExportAsWordPressComSendsItIsNamedAsSuch() throws Exception {
        Path zip = tmp.resolve("journal.wordpress.2026-11-26.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("journal.wordpress.2026-11-26.000.xml"));
            out.write(export.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        ImportReport report = run(zip);

        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).contains("zip archive").contains("unzip it and import the .xml file");
        assertThat(report.failure()).doesNotContain("prolog");
    }

    @Test
    void aGzippedExportIsNamedAsSuch() throws Exception {
        Path gz = tmp.resolve("export.xml.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(export.getBytes(StandardCharsets.UTF_8));
        }
        ImportReport report = run(gz);

        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).contains("gzip").doesNotContain("prolog");
    }

    @Test
    void aFileCutShortInTheMiddleOfAnItemSaysSoWithLineAndColumn() throws Exception {
        Path cut = tmp.resolve("cut.xml");
        String two = Wxr.site(Wxr.item(1, "Kept", "kept", "publish", "post", "Text", ""),
                Wxr.item(2, "Cut", "cut", "publish", "post", "Some text that stops", ""));
        Files.writeString(cut, two.substring(0, two.indexOf("that stops")));
        ImportReport report = run(cut);

        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).startsWith(cut + ": malformed XML at line ").containsPattern("line \\d+, column \\d+")
                .contains("cut short").doesNotContain("same entity");
        assertThat(jdbc.sql("SELECT title FROM article").query(String.class).list()).containsExactly("Kept");
    }

    /** Attachments after the point where reading stopped were not read: not "not in the export". */
    @Test
    void anImportStoppedByAnErrorDoesNotCallMediaAfterItMissing() throws Exception {
        String whole = Wxr.site(
                Wxr.item(1, "Pictured", "pictured", "publish", "post", "Before\n\n[gallery ids=\"200\"]\n\nAfter",
                        Wxr.meta("_thumbnail_id", "200")),
                Wxr.item(2, "Broken", "broken", "publish", "post", "Text <b>unclosed", ""),
                Wxr.attachment(200, "https://old.example/wp-content/uploads/2020/01/photo.png", "Photo"));
        Path file = tmp.resolve("malformed-mid.xml");
        // A stray end tag in the second item: malformed there, with the attachment after it.
        Files.writeString(file, whole.replace("<wp:post_id>2</wp:post_id>", "<wp:post_id>2</wp:post_id></oops>"));
        ImportReport report = run(file);

        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).startsWith(file + ": malformed XML at line");
        assertThat(report.warnings()).noneMatch(w -> w.contains("not in the export"));
        assertThat(report.warnings()).contains(
                "article " + jdbc.sql("SELECT id FROM article").query(Long.class).single()
                        + ": its featured image (attachment 200) is not among the items read before the import stopped "
                        + "(it may come after the error; importing the whole file sets it)");
    }

    /** The parser's words for these would be "Premature end of file" and "Content is not allowed in prolog". */
    @Test
    void anEmptyFileAndOneThatIsNotXmlAreNamedAsSuch() throws Exception {
        Path empty = Files.createFile(tmp.resolve("empty.xml"));
        ImportReport report = run(empty);
        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).startsWith(empty + " is empty").doesNotContain("Premature");

        Path blank = Files.writeString(tmp.resolve("blank.xml"), "\n  \n");
        assertThat(run(blank).failure()).startsWith(blank + " is empty");

        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello, this is not xml\n");
        report = run(text);
        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).isEqualTo(text + " is not a WordPress export (WXR): it does not start with XML.");

        Path declarationOnly = Files.writeString(tmp.resolve("head.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        assertThat(run(declarationOnly).failure()).startsWith(declarationOnly + ": malformed XML at line")
                .contains("ends before the export begins").doesNotContain("Premature");
    }

    /** An export saved again by an editor as "Unicode": read as what its bytes are, whatever its declaration says. */
    @Test
    void aUtf16ExportIsReadAsUtf16() throws Exception {
        String russian = Wxr.site(Wxr.item(1, "Санкции и рынки", "sanktsii", "publish", "post", "Русский текст", ""));
        Path withMark = tmp.resolve("utf16.xml");
        Files.write(withMark, ("\uFEFF" + russian).getBytes(StandardCharsets.UTF_16LE));
        ImportReport report = run(withMark);
        assertThat(report.state()).as(String.join("\n", report.summary())).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT title FROM article").query(String.class).single()).isEqualTo("Санкции и рынки");

        Sites.wipe(jdbc);
        Path bigEndianWithoutMark = tmp.resolve("utf16be.xml");
        Files.write(bigEndianWithoutMark, russian.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16BE));
        report = run(bigEndianWithoutMark);
        assertThat(report.state()).as(String.join("\n", report.summary())).isEqualTo(ImportReport.State.FINISHED);
        assertThat(jdbc.sql("SELECT language FROM article").query(String.class).single()).isEqualTo("ru");
    }

    @Test
    void aByteThatIsNotUtf8DeepInALargeExportIsFoundAtItsLineAndColumn() throws Exception {
        // Enough items that the bad byte lies several of the decoder's buffers into the file.
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            items.append(Wxr.item(i, "Post " + i, "post-" + i, "publish", "post",
                    "Пример текста номер " + i + ", «в кавычках» — и дальше.\n\n".repeat(3), "")).append('\n');
        }
        String text = Wxr.site(items.toString());
        int at = text.indexOf("Post 333]]>") + "Post 3".length();
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[before.length + 1 + after.length];
        System.arraycopy(before, 0, bytes, 0, before.length);
        bytes[before.length] = (byte) 0xFF;
        System.arraycopy(after, 0, bytes, before.length + 1, after.length);
        assertThat(bytes.length).isGreaterThan(3 * (1 << 16));
        Path file = tmp.resolve("bad-byte.xml");
        Files.write(file, bytes);
        long line = text.substring(0, at).lines().count();
        int column = at - text.lastIndexOf('\n', at - 1);

        ImportReport report = run(file);

        assertThat(report.state()).isEqualTo(ImportReport.State.FAILED);
        assertThat(report.failure()).contains("line " + line + ", column " + column).contains("not valid UTF-8");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single()).isEqualTo(332L);
    }
}
