package org.broadsheet.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionNicenamesTest {

    @Test
    void aSectionIsWrittenWithItsOwnSlugAndASecondOneOfThatSlugIsToldApartByItsParent() {
        SectionNicenames nicenames = new SectionNicenames();
        assertThat(nicenames.of("world", "world")).isEqualTo("world");
        assertThat(nicenames.of("europe", "world/europe")).isEqualTo("europe");
        assertThat(nicenames.of("europe", "sport/europe")).isEqualTo("europe--sport");
        assertThat(nicenames.of("europe", "news/sport/europe")).isEqualTo("europe--news-sport");
        assertThat(nicenames.of("europe", "news-sport/europe")).isEqualTo("europe--news-sport-2");
    }

    @Test
    void readingANicenameGivesTheSlugItWasWrittenFor() {
        assertThat(SectionNicenames.slugOf("europe")).isEqualTo("europe");
        assertThat(SectionNicenames.slugOf("europe--sport")).isEqualTo("europe");
        assertThat(SectionNicenames.slugOf("europe--news-sport-2")).isEqualTo("europe");
        // WordPress's own nicenames have no "--": they are read as they are.
        assertThat(SectionNicenames.slugOf("europe-sport")).isEqualTo("europe-sport");
    }
}
