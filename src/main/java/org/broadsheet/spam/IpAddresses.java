package org.broadsheet.spam;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Whether a sender's IP address is one a disallowed-list entry names. An entry is an address (IPv6 in any of its
 * spellings: "::1", "2001:db8::5" match the "0:0:0:0:0:0:0:1" a servlet container reports), a range in CIDR
 * notation ("203.0.113.0/24", "2001:db8::/32"), or, as in WordPress, the start of an address ending in "." or ":"
 * ("203.0.113.", "2001:db8:"). Only literal addresses are read: nothing here ever asks DNS.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(?:\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    static boolean matches(String entry, String ip) {
        String e = entry.strip();
        byte[] address = ip == null ? null : literal(ip.strip());
        if (e.isEmpty() || address == null) {
            return false;
        }
        int slash = e.indexOf('/');
        if (slash > 0) {
            byte[] network = literal(e.substring(0, slash));
            Integer bits = bits(e.substring(slash + 1));
            return network != null && bits != null && network.length == address.length
                    && bits <= network.length * 8 && samePrefix(network, address, bits);
        }
        if (e.endsWith(".")) {
            return address.length == 4 && (dotted(address) + ".").startsWith(e);
        }
        if (e.endsWith(":")) {
            return address.length == 16 && groupsPrefix(e, address);
        }
        byte[] exact = literal(e);
        return exact != null && Arrays.equals(exact, address);
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
    private static boolean groupsPrefix(String entry, byte[] address) {
        String[] groups = entry.substring(0, entry.length() - 1).split(":", -1);
        if (groups.length > 8) {
            return false;
        }
        for (int i = 0; i < groups.length; i++) {
            if (!groups[i].matches("[0-9A-Fa-f]{1,4}")) {
                return false;
            }
            int group = Integer.parseInt(groups[i], 16);
            if (group != (((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff))) {
                return false;
            }
        }
        return true;
    }
}
