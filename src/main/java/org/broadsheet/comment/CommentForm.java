package org.broadsheet.comment;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the comment form may set, as the reader typed it. {@link #problems} says, in words a reader can act on,
 * what is wrong; nothing is stored until the list is empty.
 *
 * @param website the honeypot: hidden from people, so anything in it was typed by a bot
 */
public record CommentForm(String name, String email, String url, String text, String parent, String token,
                          String website) {

    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 320;
    static final int MAX_URL = 2000;
    static final int MAX_TEXT = 10_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"'()\\[\\],;:]+@[^@\\s<>\"'()\\[\\],;:]+\\.[^@\\s<>\"'()\\[\\],;:]+");
    /**
     * What a reader would type to get markup: a tag of HTML's own (or a comment, or a doctype). Only tags HTML
     * knows count, so that "growth<expected and inflation>target" or "press <Ctrl>+C" are taken as the plain text
     * they are (and shown escaped, like everything else).
     */
    private static final Pattern TAG = Pattern.compile("<!--|<!doctype|<\\s*/?\\s*(?:a|abbr|audio|b|base|big|blockquote"
            + "|body|br|button|center|cite|code|del|details|div|em|embed|font|form|frame|frameset|h[1-6]|head|hr|html|i"
            + "|iframe|img|input|ins|label|li|link|mark|marquee|math|meta|noscript|object|ol|option|p|pre|q|s|script"
            + "|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|th"
            + "|title|tr|u|ul|video)(?=[\\s/>])[^>]*>", Pattern.CASE_INSENSITIVE);
    /** Control characters other than line breaks and tabs, which belong in a comment's text. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    /**
     * What a one-line name may not hold: any control character (a line break would forge lines in mail subjects
     * and logs), and the invisible characters that reorder or hide text (bidirectional overrides and isolates,
     * zero-width space, word joiner, byte-order mark). The zero-width (non-)joiners that some scripts and emoji
     * need stay allowed.
     */
    private static final Pattern NAME_FORBIDDEN = Pattern.compile("[\\p{Cc}\\u200B\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
    /** A host name's labels in ASCII; "_" is allowed, as DNS allows it and sites use it. */
    private static final Pattern ASCII_HOST = Pattern.compile("[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\\.?");
    /** Characters that show nothing: a name or comment made only of them is empty. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Z}\\s]+");

    public CommentForm {
        name = trim(name);
        email = trim(email);
        url = trim(url);
        text = text == null ? "" : text.replace("\r\n", "\n").strip();
        parent = trim(parent);
        token = trim(token);
        website = trim(website);
    }

    /** An empty form for a reply to {@code parent} (or a new thread when null). */
    static CommentForm blank(Long parent) {
        return new CommentForm("", "", "", "", parent == null ? "" : String.valueOf(parent), "", "");
    }

    CommentForm withToken(String fresh) {
        return new CommentForm(name, email, url, text, parent, fresh, website);
    }

    /** The parent comment's id, null for a new thread, -1 when the field is not a number. */
    Long parentId() {
        if (parent.isEmpty()) {
            return null;
        }
        try {
            long id = Long.parseLong(parent);
            return id > 0 ? id : -1L;
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    /** What must be fixed before the comment can be posted; empty when nothing. Staff need no name or email. */
    List<String> problems(boolean staff) {
        List<String> problems = new ArrayList<>();
        for (String field : List.of(name, email, url, text)) {
            if (field.indexOf('\uFFFD') >= 0) {
                problems.add("Part of what was sent is not valid UTF-8 text. Please retype the characters shown as �.");
                break;
            }
        }
        if (!staff) {
            if (isBlank(name)) {
                problems.add("Please give your name.");
            } else if (name.length() > MAX_NAME) {
                problems.add("Your name is longer than " + MAX_NAME + " characters.");
            } else if (TAG.matcher(name).find() || NAME_FORBIDDEN.matcher(name).find()) {
                problems.add("Your name may not contain HTML tags, line breaks or invisible control characters.");
            }
            if (email.isEmpty()) {
                problems.add("Please give your email address (it is never shown).");
            } else if (!isEmailAddress(email)) {
                problems.add("\"" + shorten(email) + "\" is not an email address.");
            }
            if (!url.isEmpty() && !isWebAddress(url)) {
                problems.add("Your website must be a web address starting with http:// or https://, such as https://example.org/.");
            }
        }
        if (isBlank(text)) {
            problems.add("Please write your comment.");
        } else if (text.length() > MAX_TEXT) {
            problems.add("Your comment is " + text.length() + " characters long; the limit is " + MAX_TEXT + ".");
        } else if (TAG.matcher(text).find()) {
            problems.add("Comments are plain text: please remove the HTML tags. Web addresses become links by themselves.");
        } else if (CONTROL.matcher(text).find()) {
            problems.add("Your comment contains control characters; please remove them.");
        }
        if (parentId() != null && parentId() < 0) {
            problems.add("The comment you are replying to is not valid.");
        }
        return problems;
    }

    /** Whether a reader may comment with this email address, as typed (it is checked for length as stored). */
    static boolean isEmailAddress(String email) {
        return email.toLowerCase(Locale.ROOT).length() <= MAX_EMAIL && EMAIL.matcher(email).matches();
    }

    /**
     * The email address as it is stored: in lower case, so that "Ann@Example.org" and "ann@example.org" are one
     * commenter. Checked for length in this form, since lower case can be longer ("İ" becomes two characters).
     */
    String normalisedEmail() {
        return email.toLowerCase(Locale.ROOT);
    }

    /** Empty, or made only of spaces and characters that show nothing (zero-width spaces, joiners). */
    private static boolean isBlank(String s) {
        return INVISIBLE.matcher(s).replaceAll("").isEmpty();
    }

    /**
     * An http(s) address with a host name, in ASCII or in any script (https://пример.рф/, https://例え.jp/):
     * a journal read in Russian and Japanese has commenters whose sites are named so.
     */
    static boolean isWebAddress(String url) {
        if (url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return false;
            }
            return uri.getHost() != null || isHostName(uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * An authority that {@link URI} does not read as a host (it reads only ASCII names without "_"): a name in
     * another script, or with an underscore, is a host name when its ASCII (punycode) form is one.
     */
    private static boolean isHostName(String authority) {
        if (authority == null) {
            return false;
        }
        String host = authority.substring(authority.lastIndexOf('@') + 1).replaceFirst(":\\d{1,5}$", "");
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            return ascii.contains(".") && ASCII_HOST.matcher(ascii).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
