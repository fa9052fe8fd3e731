package org.broadsheet.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Disallowed-list entries name addresses however either side spells them. */
class IpAddressesTest {

    @Test
    void ipv6EntriesMatchTheFullFormTheServerReports() {
        assertThat(IpAddresses.matches("::1", "0:0:0:0:0:0:0:1")).isTrue();
        assertThat(IpAddresses.matches("2001:db8::5", "2001:db8:0:0:0:0:0:5")).isTrue();
        assertThat(IpAddresses.matches("2001:DB8::5", "2001:db8:0:0:0:0:0:6")).isFalse();
        assertThat(IpAddresses.matches("2001:db8:", "2001:db8:0:0:0:0:0:6")).isTrue();
        assertThat(IpAddresses.matches("2001:db8:1:", "2001:db8:0:0:0:0:0:6")).isFalse();
    }

    @Test
    void ipv4AddressesPrefixesAndRanges() {
        assertThat(IpAddresses.matches("203.0.113.7", "203.0.113.7")).isTrue();
        assertThat(IpAddresses.matches("203.0.113.7", "203.0.113.70")).isFalse();
        assertThat(IpAddresses.matches("203.0.113.", "203.0.113.70")).isTrue();
        assertThat(IpAddresses.matches("203.0.11.", "203.0.113.70")).isFalse();
        assertThat(IpAddresses.matches("203.0.113.0/24", "203.0.113.250")).isTrue();
        assertThat(IpAddresses.matches("203.0.113.0/24", "203.0.114.1")).isFalse();
        assertThat(IpAddresses.matches("2001:db8::/32", "2001:db8:ffff:0:0:0:0:1")).isTrue();
        assertThat(IpAddresses.matches("2001:db8::/32", "2001:db9:0:0:0:0:0:1")).isFalse();
        assertThat(IpAddresses.matches("203.0.113.0/24", "2001:db8:0:0:0:0:0:1")).isFalse();
    }

    @Test
    void whatIsNoLiteralAddressMatchesNothingAndIsNeverLookedUp() {
        assertThat(IpAddresses.literal("localhost")).isNull();
        assertThat(IpAddresses.literal("999.1.1.1")).isNull();
        assertThat(IpAddresses.literal(":::")).isNull();
        assertThat(IpAddresses.matches("example.org", "93.184.216.34")).isFalse();
        assertThat(IpAddresses.matches("", "203.0.113.7")).isFalse();
        assertThat(IpAddresses.matches("203.0.113.7", null)).isFalse();
        assertThat(IpAddresses.matches("203.0.113.0/x", "203.0.113.7")).isFalse();
        assertThat(IpAddresses.matches("203.0.113.0/33", "203.0.113.7")).isFalse();
    }

    /** What the settings refuse is exactly what could never match: every entry they take names some address. */
    @Test
    void anEntryIsTakenWhenItNamesSomeAddress() {
        for (String entry : List.of("203.0.113.7", " 203.0.113.7 ", "::1", "2001:DB8::5", "[2001:db8::5]", "203.0.113.0/24",
                "0.0.0.0/0", "2001:db8::/32", "203.", "203.0.113.", "203.0.113.7.", "2001:db8:", "2001:")) {
            assertThat(IpAddresses.isEntry(entry)).as(entry).isTrue();
        }
        for (String entry : List.of("", "example.org", "localhost", "999.1.1.1", "203.0.113", "203.0.113.0/33", "203.0.113.0/x",
                "/24", "2001:db8::/129", "2001:db8::", "::", "010.0.0.", "203.0.113.7.5.", "1:2:3:4:5:6:7:8:9:", "fe80::1%eth0",
                "abc.", "g001:")) {
            assertThat(IpAddresses.isEntry(entry)).as(entry).isFalse();
        }
        assertThat(IpAddresses.matches("203.0.113.7.", "203.0.113.7")).isTrue();
        assertThat(IpAddresses.matches("2001:", "2001:db8:0:0:0:0:0:1")).isTrue();
        assertThat(IpAddresses.matches("0.0.0.0/0", "198.51.100.1")).isTrue();
    }
}
