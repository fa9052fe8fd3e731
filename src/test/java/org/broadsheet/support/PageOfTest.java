package org.broadsheet.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageOfTest {

    @Test
    void anAbsentPageIsTheFirstAndAWholeNumberIsThatPage() {
        assertThat(PageOf.parseNumber(null)).isEqualTo(1);
        assertThat(PageOf.parseNumber(" ")).isEqualTo(1);
        assertThat(PageOf.parseNumber(" 7 ")).isEqualTo(7);
        assertThat(PageOf.parseNumber("2147483647")).isEqualTo(Integer.MAX_VALUE);
    }

    /** A page number larger than an int is well-formed, just past the end of any list: 404, as the README says. */
    @ParameterizedTest
    @ValueSource(strings = {"99999999999", "2147483648", "+99999999999", "000123456789012345678901234567890"})
    void aHugePageNumberIsAPagePastTheEnd(String raw) {
        assertThatThrownBy(() -> PageOf.parseNumber(raw)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no page");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-99999999999", "two", "1.5", "1e3"})
    void aMalformedPageNumberIsABadRequestSayingSo(String raw) {
        assertThatThrownBy(() -> PageOf.parseNumber(raw)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("whole number of 1 or more");
    }
}
