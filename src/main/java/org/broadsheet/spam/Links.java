package org.broadsheet.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links in a comment's text as the filter counts them: web addresses and bare "www." names. One place, so
 * that the spam score and the site's "hold comments with more than N links" rule count the same links.
 */
public final class Links {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)([^\\s/<>\"'?#]+)");

    private Links() {
    }

    /** The host of each link, in order, lower case, without "www." and port; one entry per link. */
    public static List<String> hostsIn(String text) {
        List<String> hosts = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            hosts.add(m.group(1).toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").replaceFirst(":\\d+$", ""));
        }
        return hosts;
    }

    public static int countIn(String text) {
        return hostsIn(text).size();
    }
}
