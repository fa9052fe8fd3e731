package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.broadsheet.support.BadRequestException;
import org.junit.jupiter.api.Test;

/** What an administrator may give as the privacy contact, and how the privacy page links it. */
class PrivacyContactTest {

    @Test
    void anEmailAddressIsLinked() {
        PrivacyContact contact = PrivacyContact.parse("  privacy@meridian.example \n");
        assertThat(contact.text()).isEqualTo("privacy@meridian.example");
        assertThat(contact.isEmail()).isTrue();
        assertThat(contact.mailto()).isEqualTo("mailto:privacy@meridian.example");
    }

    @Test
    void freeTextIsKeptOnOneLineAndNotLinked() {
        PrivacyContact contact = PrivacyContact.parse("Data Protection Officer,\n1 Fleet Street,\r\nLondon EC4Y 1AA");
        assertThat(contact.text()).isEqualTo("Data Protection Officer, 1 Fleet Street, London EC4Y 1AA");
        assertThat(contact.isSet()).isTrue();
        assertThat(contact.isEmail()).isFalse();
        assertThat(contact.needsFullStop()).isTrue();
        // Text that mentions an address among other words is free text, not a malformed address.
        assertThat(PrivacyContact.parse("The editors, privacy@meridian.example").isEmail()).isFalse();
        assertThat(PrivacyContact.parse("PO Box 12, Oslo.").needsFullStop()).isFalse();
    }

    @Test
    void nothingGivenMeansUnset() {
        assertThat(PrivacyContact.parse("   ").isSet()).isFalse();
        assertThat(PrivacyContact.parse(null)).isEqualTo(PrivacyContact.NONE);
    }

    @Test
    void whatLooksLikeAnEmailAddressMustBeACompleteOne() {
        assertThatThrownBy(() -> PrivacyContact.parse("privacy@meridian"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("\u201cprivacy@meridian\u201d is not a complete email address");
        assertThatThrownBy(() -> PrivacyContact.parse("@meridian.example")).isInstanceOf(BadRequestException.class);
        // A comma or angle brackets would make the mail link address someone else too.
        assertThatThrownBy(() -> PrivacyContact.parse("a@x.example,b@y.example")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> PrivacyContact.parse("<a@x.example>")).isInstanceOf(BadRequestException.class);
    }

    @Test
    void theLinkEncodesWhatWouldChangeItsMeaning() {
        assertThat(PrivacyContact.parse("privacy?cc=x@meridian.example").mailto()).isEqualTo("mailto:privacy%3Fcc=x@meridian.example");
        assertThat(PrivacyContact.parse("конфиденциальность@журнал.рф").mailto())
                .startsWith("mailto:%D0%BA").contains("@%D0%B6");
    }

    @Test
    void aLongContactIsRefused() {
        assertThat(PrivacyContact.parse("a".repeat(PrivacyContact.MAX_LENGTH)).text()).hasSize(PrivacyContact.MAX_LENGTH);
        assertThatThrownBy(() -> PrivacyContact.parse("a".repeat(PrivacyContact.MAX_LENGTH + 1)))
                .isInstanceOf(BadRequestException.class).hasMessage("The privacy contact is too long (300 characters at most).");
    }
}
