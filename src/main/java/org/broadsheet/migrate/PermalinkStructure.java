package org.broadsheet.migrate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The old site's permalink structure for posts ({@code /%year%/%monthnum%/%day%/%postname%/}), as far as the
 * export shows it, to give an old address to a post the export names only by its {@code post_name}.
 * <p>
 * WordPress writes each item's {@code <link>} with the structure in force when the export is made, but only for a
 * post readers can see: a scheduled post's link is the plain {@code /?p=ID} although the site had pretty addresses
 * (and the post got one when it was published there, often after the export), and exports that other tools write
 * or that were edited may have no {@code <link>} at all. Its pretty address can be rebuilt from its name and date,
 * but only from the structure, which the export does not state: it is read from the published posts' links, each
 * segment explained by that post's own fields. Any doubt leaves the structure unknown and no address is rebuilt,
 * so that no reader is sent to the wrong article:
 * <ul>
 * <li>posts whose links disagree (a hand-edited link, or a structure with a part that differs from post to post);
 * <li>a segment that is one of the post's categories or its author ({@code %category%}, {@code %author%}:
 *     which category WordPress picked cannot be told);
 * <li>readings that would give the post in question different addresses (a single published post whose
 *     {@code 05} could be the month or the day), or a structure with neither the name nor the id in it.
 * </ul>
 */
final class PermalinkStructure {

    /** More readings of one link than this and the link tells nothing: it is passed over. */
    private static final int MAX_READINGS = 256;
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2}):(\\d{2}).*");
    private static final Pattern TAG = Pattern.compile("%([a-z_]+)%");

    /** The readings of every link seen so far that fit them all; null before the first link. */
    private Set<String> readings;
    private boolean contradicted;
    private String reason;

    /** A post's values for the structure's tags ({@code year} → {@code 2021}); the name decoded. */
    static Map<String, String> fields(Wxr.Item item) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher date = DATE.matcher(item.postDate() == null ? "" : item.postDate().strip());
        if (date.matches() && !date.group(1).equals("0000")) {
            String[] names = {"year", "monthnum", "day", "hour", "minute", "second"};
            for (int i = 0; i < names.length; i++) {
                fields.put(names[i], date.group(i + 1));
            }
        }
        if (!item.postId().isBlank()) {
            fields.put("post_id", item.postId().strip());
        }
        String name = decoded(item.postName());
        if (!name.isBlank()) {
            fields.put("postname", name);
        }
        return fields;
    }

    /**
     * Learns from a published post's pretty permalink.
     *
     * @param path the link's path, decoded ({@code /2021/04/05/санкции-2021/})
     */
    void learn(Wxr.Item item, String path) {
        if (contradicted) {
            return;
        }
        Map<String, String> fields = fields(item);
        Set<String> unexplained = new LinkedHashSet<>();
        item.terms("category").forEach(t -> unexplained.add(decoded(t.slug()).toLowerCase(Locale.ROOT)));
        if (!item.creator().isBlank()) {
            unexplained.add(item.creator().strip().toLowerCase(Locale.ROOT));
        }
        List<String> out = new ArrayList<>();
        out.add("");
        for (String segment : path.substring(1).split("/", -1)) {
            List<String> options = options(segment, fields);
            if (options.isEmpty()) {
                return;
            }
            if (!segment.isEmpty() && options.contains(segment) && unexplained.contains(segment.toLowerCase(Locale.ROOT))) {
                // A segment of the post's category or author: the structure has a part this import cannot rebuild.
                contradict("the link " + path + " of post " + item.postId() + " has a part that differs from post to post ("
                        + segment + ")");
                return;
            }
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String option : options) {
                    next.add(prefix + "/" + option);
                    if (next.size() > MAX_READINGS) {
                        return;
                    }
                }
            }
            out = next;
        }
        Set<String> these = new LinkedHashSet<>(out);
        if (readings == null) {
            readings = these;
        } else {
            readings.retainAll(these);
            if (readings.isEmpty()) {
                contradict("the link " + path + " of post " + item.postId() + " does not have the form of the links before it");
            }
        }
    }

    private void contradict(String why) {
        contradicted = true;
        readings = null;
        reason = why;
    }

    /**
     * The ways a segment may have been made: a tag whose value it is, else the text as it is or with one tag's
     * value inside it ({@code %postname%.html}). A segment with a {@code %} of its own tells nothing: none.
     */
    private static List<String> options(String segment, Map<String, String> fields) {
        List<String> whole = new ArrayList<>();
        fields.forEach((tag, value) -> {
            if (value.equals(segment)) {
                whole.add("%" + tag + "%");
            }
        });
        if (!whole.isEmpty()) {
            return whole;
        }
        if (segment.contains("%")) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        options.add(segment);
        fields.forEach((tag, value) -> {
            for (int at = segment.indexOf(value); at >= 0; at = segment.indexOf(value, at + 1)) {
                options.add(segment.substring(0, at) + "%" + tag + "%" + segment.substring(at + value.length()));
            }
        });
        return options;
    }

    /** The structure as far as it is known, to name in the report: one reading, or null. */
    String known() {
        return readings != null && readings.size() == 1 ? readings.iterator().next() : null;
    }

    /** Whether any published post's link was a pretty permalink. */
    boolean showsPrettyLinks() {
        return readings != null || contradicted;
    }

    /** Why a post got no address from the structure, for the report. */
    String unknownBecause() {
        if (reason != null) {
            return reason;
        }
        return readings == null ? "no published post in the export has a pretty permalink to show the structure"
                : "the published posts' links can be read more than one way, or the post lacks a part of its address";
    }

    /**
     * The address a post had under the structure: the same under every reading of the links, with the post's name
     * or id in it; else null.
     *
     * @param fields the post's {@link #fields}
     */
    String addressOf(Map<String, String> fields) {
        if (readings == null || readings.isEmpty()) {
            return null;
        }
        String address = null;
        for (String reading : readings) {
            if (!reading.contains("%postname%") && !reading.contains("%post_id%")) {
                return null;
            }
            Matcher tag = TAG.matcher(reading);
            StringBuilder out = new StringBuilder();
            while (tag.find()) {
                String value = fields.get(tag.group(1));
                if (value == null) {
                    return null;
                }
                tag.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            String built = tag.appendTail(out).toString();
            if (address != null && !address.equals(built)) {
                return null;
            }
            address = built;
        }
        return address;
    }

    /** A post name or category slug as WordPress keeps it ({@code %e5%88%b6%e8%a3%81}), decoded as {@link WxrFields#pathOf} decodes a link. */
    private static String decoded(String postName) {
        String name = postName == null ? "" : postName.strip();
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
