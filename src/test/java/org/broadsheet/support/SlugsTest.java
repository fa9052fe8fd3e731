package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void makesLowerCaseHyphenatedAscii() {
        assertThat(Slugs.slugify("  The Sanctions Ratchet: Why It Turns One Way! ")).isEqualTo("the-sanctions-ratchet-why-it-turns-one-way");
        assertThat(Slugs.slugify("Café déjà vu")).isEqualTo("cafe-deja-vu");
    }

    @Test
    void transliteratesCyrillic() {
        assertThat(Slugs.slugify("Храповик санкций")).isEqualTo("khrapovik-sanktsiy");
        assertThat(Slugs.slugify("Щедрость и объём")).isEqualTo("shchedrost-i-obyom");
    }

    @Test
    void givesEmptyForTextWithNoLatinEquivalent() {
        assertThat(Slugs.slugify("平和条約")).isEmpty();
        assertThat(Slugs.isSlug("")).isFalse();
    }

    @Test
    void capsTheLength() {
        assertThat(Slugs.slugify("word ".repeat(100))).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    }
}
