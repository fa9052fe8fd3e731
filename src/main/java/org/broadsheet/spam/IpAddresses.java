package org.broadsheet.spam;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Whether a sender's IP address is one a disallowed-list entry names. An entry is an address (IPv6 in any of its
 * spellings: "::1", "2001:db8::5" match the "0:0:0:0:0:0:0:1" a servlet container reports), a range in CIDR
 * notation ("203.0.113.0/24", "2001:db8::/32"), or, as in WordPress, the start of an address ending in "." or ":"
 * ("203.0.113.", "2001:db8:"). Only literal addresses are read: nothing here ever asks DNS.
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(?:\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");
    /** The start of an IPv4 address as {@link #dotted} writes it (no leading zeros), ending in ".". */
    private static final Pattern IPV4_START = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){1,4}");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpAddresses() {
    }

    static boolean matches(String entry, String ip) {
        byte[] address = ip == null ? null : literal(ip.strip());
        Predicate<byte[]> names = address == null ? null : entry(entry);
        return names != null && names.test(address);
    }

    /**
     * Whether a disallowed-list entry names any address at all: one that does not (a host name, "203.0.113.0/33",
     * "2001:db8::" meant as a prefix) would match nothing, so the settings refuse it where it is typed.
     */
    public static boolean isEntry(String entry) {
        return entry(entry) != null;
    }

    /** The addresses (as bytes) an entry names, or null when the entry names none. */
    private static Predicate<byte[]> entry(String text) {
        String e = text.strip();
        if (e.isEmpty()) {
            return null;
        }
        int slash = e.indexOf('/');
        if (slash > 0) {
            byte[] network = literal(e.substring(0, slash));
            Integer bits = bits(e.substring(slash + 1));
            if (network == null || bits == null || bits > network.length * 8) {
                return null;
            }
            return address -> network.length == address.length && samePrefix(network, address, bits);
        }
        if (e.endsWith(".")) {
            return IPV4_START.matcher(e).matches() ? address -> address.length == 4 && (dotted(address) + ".").startsWith(e) : null;
        }
        if (e.endsWith(":")) {
            int[] groups = groups(e);
            return groups == null ? null : address -> address.length == 16 && startsWith(address, groups);
        }
        byte[] exact = literal(e);
        return exact == null ? null : address -> Arrays.equals(exact, address);
    }

    /** The address's bytes when the text is a literal IPv4 or IPv6 address, else null (a host name is not read). */
    static byte[] literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        // Checked strictly first: InetAddress asks DNS about anything it cannot read as a literal.
        if (IPV4.matcher(t).matches()) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return null;
                }
            }
        } else if (IPV6.matcher(t).matches()) {
            try {
                new URI("http://[" + t + "]/");
            } catch (URISyntaxException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Integer bits(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static String dotted(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }

    /** "2001:db8:" names the addresses whose first groups are 2001 and 0db8, however the address is spelt. */
    private static int[] groups(String entry) {
        String[] groups = entry.substring(0, entry.length() - 1).split(":", -1);
        if (groups.length > 8) {
            return null;
        }
        int[] values = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            if (!IPV6_GROUP.matcher(groups[i]).matches()) {
                return null;
            }
            values[i] = Integer.parseInt(groups[i], 16);
        }
        return values;
    }

    private static boolean startsWith(byte[] address, int[] groups) {
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] != (((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff))) {
                return false;
            }
        }
        return true;
    }
}
