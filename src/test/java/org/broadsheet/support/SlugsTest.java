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
    void transliteratesGreekAsElot743Does() {
        // The real theme unit test's pages "Επίπεδο 2" and "Επίπεδο 3" once became "2" and "3".
        assertThat(Slugs.slugify("Επίπεδο 2")).isEqualTo("epipedo-2");
        assertThat(Slugs.slugify("Ευρώπη και Αυτοκίνητο")).isEqualTo("evropi-kai-aftokinito");
        assertThat(Slugs.slugify("Άγγελος Ουρανός")).isEqualTo("angelos-ouranos");
        assertThat(Slugs.slugify("ΘΕΣΣΑΛΟΝΙΚΗ: Χαλκιδική, Ψυχή")).isEqualTo("thessaloniki-chalkidiki-psychi");
        assertThat(Slugs.slugify("Προϋπόθεση")).isEqualTo("proypothesi");
    }

    @Test
    void keepsCyrillicLettersThatDecomposeWhole() {
        assertThat(Slugs.slugify("Йошкар-Ола ёлка")).isEqualTo("yoshkar-ola-yolka");
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
