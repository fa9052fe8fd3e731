package org.broadsheet.migrate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an address of a WordPress upload puts its file in the old site's uploads folder. WordPress writes
 * them in several shapes:
 * <pre>
 * https://old.example/wp-content/uploads/2020/01/photo.jpg            a site of its own (on any host: a site that moved, a CDN)
 * https://net.example/wp-content/uploads/sites/3/2020/01/photo.jpg    a site of a network (multisite)
 * https://net.example/blog/files/2020/01/photo.jpg                    a network's site before WordPress 3.5
 * https://journal.files.wordpress.com/2020/01/photo.jpg               WordPress.com
 * https://i0.wp.com/journal.files.wordpress.com/2020/01/photo.jpg     WordPress.com's image CDN in front of any of these
 * </pre>
 * and resizes each image into copies named after it ({@code photo-300x200.jpg}), keeping a large original
 * beside a smaller {@code photo-scaled.jpg}.
 */
final class UploadAddresses {

    private static final String UPLOADS = "/wp-content/uploads/";
    private static final Pattern NETWORK_SITE = Pattern.compile("sites/(\\d{1,9})/(.+)");
    private static final Pattern WORDPRESS_COM = Pattern.compile("(?i)^[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.files\\.wordpress\\.com/(.+)");
    private static final Pattern IMAGE_CDN = Pattern.compile("(?i)^i[0-3]\\.wp\\.com/(.+)");
    private static final Pattern SCHEME = Pattern.compile("(?i)^(?:https?:)?//");
    /** {@code photo-300x200.jpg}, {@code photo-scaled.jpg}, {@code photo-rotated.jpg}: copies WordPress made of photo. */
    /** The image types WordPress makes resized copies of. */
    private static final Pattern RESIZED_KINDS = Pattern.compile("(?i)\\.(?:jpe?g|png|gif|webp|avif|heic)$");
    private static final Pattern COPY = Pattern.compile("^(.*/[^/]+?)(-\\d{1,5}x\\d{1,5}|-scaled|-rotated)(\\.[A-Za-z0-9]{1,5})$");

    /** The old site's addresses without their scheme ("net.example/blog"): its pre-3.5 network uploads live under them. */
    private final List<String> siteAddresses = new ArrayList<>();

    /** @param channel the export's: its link and base URLs say where the old site lived */
    UploadAddresses(Wxr.Channel channel) {
        for (String address : List.of(channel.link(), channel.baseBlogUrl(), channel.baseSiteUrl())) {
            String bare = SCHEME.matcher(address.strip()).replaceFirst("").replaceAll("/+$", "").toLowerCase(Locale.ROOT);
            if (!bare.isEmpty() && !siteAddresses.contains(bare)) {
                siteAddresses.add(bare);
            }
        }
    }

    /**
     * An upload's place in the uploads folder.
     *
     * @param path        its path there, decoded ("2020/01/photo.jpg")
     * @param networkSite the number of the network's site whose folder ({@code sites/N/}) holds it, or null
     */
    record Upload(String path, String networkSite) {

        /** The address's own name for the file, whichever folder was given. */
        String key() {
            return networkSite == null ? path : "sites/" + networkSite + "/" + path;
        }
    }

    /** Where the file of an upload's address lies, or null when the address is not one of the old site's uploads. */
    Upload of(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String address = url.strip().replaceAll("[?#].*$", "");
        Matcher cdn = IMAGE_CDN.matcher(SCHEME.matcher(address).replaceFirst(""));
        if (SCHEME.matcher(address).lookingAt() && cdn.matches()) {
            // The CDN's address names the image's own after its host: i0.wp.com/journal.files.wordpress.com/…
            address = "https://" + cdn.group(1);
        }
        String rel = afterUploads(address);
        if (rel == null) {
            return null;
        }
        try {
            rel = URLDecoder.decode(rel.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (rel.isBlank() || rel.endsWith("/")) {
            return null;
        }
        Matcher site = NETWORK_SITE.matcher(rel);
        return site.matches() ? new Upload(site.group(2), site.group(1)) : new Upload(rel, null);
    }

    /** The part of an address after its uploads folder, still encoded; null when it has none. */
    private String afterUploads(String address) {
        int at = address.indexOf(UPLOADS);
        if (at >= 0) {
            return address.substring(at + UPLOADS.length());
        }
        String bare = SCHEME.matcher(address).replaceFirst("");
        boolean absolute = bare.length() != address.length();
        if (absolute) {
            Matcher com = WORDPRESS_COM.matcher(bare);
            if (com.matches()) {
                return com.group(1);
            }
        }
        if (!absolute && !address.startsWith("/")) {
            return null;
        }
        // "/files/" is a common name: only the old site's own addresses, or addresses relative to it, count.
        String lower = bare.toLowerCase(Locale.ROOT);
        for (String site : siteAddresses) {
            String prefix = (absolute ? site : pathOf(site)) + "/files/";
            if (lower.startsWith(prefix)) {
                return bare.substring(prefix.length());
            }
        }
        return null;
    }

    /** The path of a site address without its host: "" for "net.example", "/blog" for "net.example/blog". */
    private static String pathOf(String siteAddress) {
        int slash = siteAddress.indexOf('/');
        return slash < 0 ? "" : siteAddress.substring(slash);
    }

    /**
     * The path on the old site that served an upload ("/wp-content/uploads/2020/01/photo.jpg"), for the new site
     * to answer with a redirect; null when another host served it (WordPress.com's file servers), whose requests
     * never come here.
     */
    String oldPath(String url) {
        Upload upload = of(url);
        if (upload == null) {
            return null;
        }
        String bare = SCHEME.matcher(url.strip()).replaceFirst("");
        if (IMAGE_CDN.matcher(bare).matches() || WORDPRESS_COM.matcher(bare).matches()) {
            return null;
        }
        String path = WxrFields.pathOf(url.strip().replaceAll("[?#].*$", ""));
        return path == null || !path.startsWith("/") ? null : path;
    }

    /**
     * The names of the file a resized copy was made from, most likely first: for {@code /x/photo-300x200.jpg},
     * {@code /x/photo.jpg} then {@code /x/photo-scaled.jpg}; for {@code /x/photo.jpg}, {@code /x/photo-scaled.jpg}
     * (WordPress 5.3 and later make the scaled copy the attachment's file and keep the original beside it).
     * Only images have such copies; any other address (a crawler's {@code /wp-login.php}, {@code /favicon.ico})
     * has none, so the 404 it gets costs no further lookups.
     */
    static List<String> originals(String path) {
        if (!RESIZED_KINDS.matcher(path).find()) {
            return List.of();
        }
        Matcher copy = COPY.matcher(path);
        List<String> out = new ArrayList<>(2);
        if (copy.matches()) {
            out.add(copy.group(1) + copy.group(3));
            if (!"-scaled".equals(copy.group(2))) {
                out.add(copy.group(1) + "-scaled" + copy.group(3));
            }
        } else {
            int dot = path.lastIndexOf('.');
            if (dot > path.lastIndexOf('/') + 1) {
                out.add(path.substring(0, dot) + "-scaled" + path.substring(dot));
            }
        }
        return out;
    }
}
