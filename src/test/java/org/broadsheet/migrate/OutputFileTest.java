package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's output replaces the old file only once it is complete. */
class OutputFileTest {

    @TempDir
    Path tmp;

    @Test
    void aFinishedOutputTakesTheOldFilesPlace() throws Exception {
        Path file = Files.writeString(tmp.resolve("site.zip"), "old archive");
        try (OutputFile output = OutputFile.of(file)) {
            try (OutputStream out = output.open()) {
                out.write("new archive".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(file).hasContent("old archive");
            output.commit();
        }
        assertThat(file).hasContent("new archive");
        assertThat(tmp.resolve("site.zip.part")).doesNotExist();
    }

    @Test
    void anOutputThatFailsHalfWayLeavesTheOldFileAndNoPart() throws Exception {
        Path file = Files.writeString(tmp.resolve("site.zip"), "old archive");
        try (OutputFile output = OutputFile.of(file)) {
            try (OutputStream out = output.open()) {
                out.write("half".getBytes(StandardCharsets.UTF_8));
            }
            // no commit: the export failed
        }
        assertThat(file).hasContent("old archive");
        assertThat(tmp.resolve("site.zip.part")).doesNotExist();
    }

    /** {@code export /dev/stdout}, {@code latest.zip -> site-2026-11-25.zip}: written through, the link kept. */
    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path target = Files.writeString(tmp.resolve("site-2026-11-25.zip"), "old archive");
        Path link = Files.createSymbolicLink(tmp.resolve("latest.zip"), target);
        try (OutputFile output = OutputFile.of(link)) {
            try (OutputStream out = output.open()) {
                out.write("new archive".getBytes(StandardCharsets.UTF_8));
            }
            output.commit();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("new archive");
        assertThat(tmp.resolve("latest.zip.part")).doesNotExist();
    }

    /**
     * The JDK names only the path ({@code NoSuchFileException: /proc/site.zip.part}); the command printed just that.
     * The reason comes with it, and the message is the root of the failure, which is what a command prints.
     */
    @Test
    void aFileThatCannotBeCreatedIsNamedWithTheReason() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("notes.txt"), "a file, not a folder");
        try (OutputFile output = OutputFile.of(notAFolder.resolve("site.zip"))) {
            assertThatThrownBy(output::open).isInstanceOf(IOException.class)
                    .hasMessage("cannot create " + notAFolder.resolve("site.zip.part") + ": not a directory")
                    .hasNoCause();
        }
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc");
        try (OutputFile output = OutputFile.of(Path.of("/proc/site.zip"))) {
            assertThatThrownBy(output::open).hasMessageStartingWith("cannot create /proc/site.zip.part: ")
                    .hasMessageMatching(".*(no such file or folder|permission denied).*");
        }
    }
}
