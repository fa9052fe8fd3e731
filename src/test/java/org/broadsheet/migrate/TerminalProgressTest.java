package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command's progress line, for a file and for a pipe. */
class TerminalProgressTest {

    @Test
    void aFileShowsTheShareReadAndThePipeHowMuch() {
        ImportReport file = new ImportReport(400L << 20);
        file.bytesRead(100L << 20);
        file.add("posts", 1_000);
        assertThat(TerminalProgress.line(file)).startsWith("[######..................]  25%  1,000 items")
                .containsPattern("ETA \\d+:\\d\\d$");

        ImportReport pipe = new ImportReport(0);
        pipe.bytesRead(300L << 20);
        assertThat(TerminalProgress.line(pipe)).startsWith("[             300 MB read]  0 items").endsWith("ETA --:--");
    }
}
