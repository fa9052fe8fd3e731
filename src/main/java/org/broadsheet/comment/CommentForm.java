package org.broadsheet.comment;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

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
            if (name.isEmpty()) {
                problems.add("Please give your name.");
            } else if (name.length() > MAX_NAME) {
                problems.add("Your name is longer than " + MAX_NAME + " characters.");
            } else if (TAG.matcher(name).find() || CONTROL.matcher(name).find()) {
                problems.add("Your name may not contain HTML tags or control characters.");
            }
            if (email.isEmpty()) {
                problems.add("Please give your email address (it is never shown).");
            } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                problems.add("\"" + shorten(email) + "\" is not an email address.");
            }
            if (!url.isEmpty() && !isWebAddress(url)) {
                problems.add("Your website must be an address starting with http:// or https://.");
            }
        }
        if (text.isEmpty()) {
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

    static boolean isWebAddress(String url) {
        if (url.length() > MAX_URL || url.chars().anyMatch(c -> c <= ' ' || c == '<' || c == '>' || c == '"')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
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
