package org.broadsheet.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class LabelledCsvTest {

    @Test
    void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws Exception {
        String csv = "COMMENT_ID,AUTHOR,DATE,CONTENT,CLASS\r\n"
                + "a1,Ann,2014-01-01,\"Hello, world \"\"quoted\"\"\nsecond line\",0\r\n"
                + "a2,Bob,,check out my channel,1\n";
        List<LabelledComment> rows = LabelledCsv.parse(csv, "t.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).text()).isEqualTo("Hello, world \"quoted\"\nsecond line");
        assertThat(rows.get(0).spam()).isFalse();
        assertThat(rows.get(0).author()).isEqualTo("Ann");
        assertThat(rows.get(1).spam()).isTrue();
        assertThat(rows.get(1).source()).isEqualTo("t.csv:3");
    }

    @Test
    void aRowsArticleIsTheNameOfItsFileWhereverTheFileLies() throws Exception {
        String csv = "CONTENT,CLASS\nnice song,0\n";
        assertThat(LabelledCsv.parse(csv, "data/comments/Youtube01-Psy.csv").get(0).article()).isEqualTo("Youtube01-Psy.csv");
        assertThat(LabelledCsv.parse(csv, "Youtube01-Psy.csv").get(0).article()).isEqualTo("Youtube01-Psy.csv");
    }

    @Test
    void namesTheRowOfABadLabel() {
        String csv = "CONTENT,CLASS\nfine,0\n\"two\nlines\",0\nbroken,yes\n";
        assertThatThrownBy(() -> LabelledCsv.parse(csv, "bad.csv"))
                .hasMessageContaining("bad.csv, row 4").hasMessageContaining("\"yes\"");
    }

    @Test
    void refusesAHeaderWithoutContentAndClass() {
        assertThatThrownBy(() -> LabelledCsv.parse("TEXT,LABEL\nx,1\n", "h.csv"))
                .hasMessageContaining("h.csv, row 1").hasMessageContaining("CONTENT and CLASS");
    }

    @Test
    void reportsAnUnclosedQuoteAndShortRows() {
        assertThatThrownBy(() -> LabelledCsv.parse("CONTENT,CLASS\n\"never closed,1\n", "q.csv"))
                .hasMessageContaining("q.csv, row 2").hasMessageContaining("never closed");
        assertThatThrownBy(() -> LabelledCsv.parse("ID,CONTENT,CLASS\n1,only two\n", "s.csv"))
                .hasMessageContaining("s.csv, row 2").hasMessageContaining("2 fields");
    }

    @Test
    void readsTheDateWhenPresentAndNamesTheRowOfABadOne() throws Exception {
        List<LabelledComment> rows = LabelledCsv.parse("AUTHOR,DATE,CONTENT,CLASS\nAnn,2014-11-07T06:20:48,hi,0\nBob,,yo,1\n", "d.csv");
        assertThat(rows.get(0).postedAt()).hasToString("2014-11-07T06:20:48");
        assertThat(rows.get(1).postedAt()).isNull();
        assertThatThrownBy(() -> LabelledCsv.parse("DATE,CONTENT,CLASS\n2014-11-07T06:20:48,a,0\nyesterday,b,1\n", "d.csv"))
                .hasMessageContaining("d.csv, row 3").hasMessageContaining("DATE");
    }

    @Test
    void refusesRowsWithMoreFieldsThanTheHeaderAndTextAfterAClosingQuote() {
        // An unquoted comma in the text: the row has a field too many, and which one is the class is a guess.
        assertThatThrownBy(() -> LabelledCsv.parse("CONTENT,CLASS\nfine,0\nhello, world,1\n", "w.csv"))
                .hasMessageContaining("w.csv, row 3").hasMessageContaining("3 fields, expected 2");
        assertThatThrownBy(() -> LabelledCsv.parse("CONTENT,CLASS\n\"he said \"hi\" twice\",1\n", "x.csv"))
                .hasMessageContaining("x.csv, row 2, field 1").hasMessageContaining("closing quote");
    }

    @Test
    void namesTheLineWhereAFileStopsBeingUtf8() throws Exception {
        byte[] bytes = "CONTENT,CLASS\nfine,0\nbad \u00ff here,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> LabelledCsv.utf8(bytes, "l.csv"))
                .hasMessageContaining("l.csv, line 3, byte 5").hasMessageContaining("not UTF-8").hasMessageContaining("0xFF");
        assertThat(LabelledCsv.utf8("CONTENT,CLASS\nna\u00efve,0\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "ok.csv"))
                .contains("na\u00efve");
    }
}
