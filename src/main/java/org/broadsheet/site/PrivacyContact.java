package org.broadsheet.site;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.broadsheet.account.AccountService;
import org.broadsheet.support.BadRequestException;
import org.springframework.web.util.UriUtils;

/**
 * Whom readers write to about what the site keeps about them, as the privacy page names it: an email address,
 * shown as a mail link, or free text such as a postal address. Empty while the administrators have set none.
 *
 * @param text what the privacy page shows, on one line; empty when unset
 */
public record PrivacyContact(String text) {

    /** Room for a postal address written on one line; the page shows it inside a sentence. */
    public static final int MAX_LENGTH = 300;

    public static final PrivacyContact NONE = new PrivacyContact("");

    /**
     * Characters that are legal in a quoted local part but would turn a {@code mailto:} link into several
     * addresses or hide part of it from the mail program; nobody's privacy desk needs them.
     */
    private static final Pattern UNSAFE_IN_ADDRESS = Pattern.compile("[,;<>\"()\\[\\]\\\\]");

    public PrivacyContact {
        text = text == null ? "" : text;
    }

    /**
     * What an administrator typed, checked. Line breaks become spaces, since the page shows it in a sentence.
     * A value without spaces that contains {@code @} is meant as an email address, so it must be a complete
     * one; anything else is free text.
     *
     * @throws BadRequestException saying what is wrong
     */
    public static PrivacyContact parse(String typed) {
        String text = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
        if (text.length() > MAX_LENGTH) {
            throw new BadRequestException("The privacy contact is too long (" + MAX_LENGTH + " characters at most).");
        }
        if (looksLikeEmail(text) && !isAddress(text)) {
            throw new BadRequestException("\u201c" + text + "\u201d is not a complete email address: give one such as "
                    + "privacy@example.org, or a postal address.");
        }
        return new PrivacyContact(text);
    }

    public boolean isSet() {
        return !text.isEmpty();
    }

    public boolean isEmail() {
        return isSet() && isAddress(text);
    }

    /** The address as a link: characters such as {@code ?} or {@code %} in it are percent-encoded (RFC 6068). */
    public String mailto() {
        return "mailto:" + UriUtils.encodePath(text, StandardCharsets.UTF_8);
    }

    /** Whether the sentence the page puts the contact in still needs its full stop (a postal address may end in one). */
    public boolean needsFullStop() {
        return !(text.endsWith(".") || text.endsWith("!") || text.endsWith("?"));
    }

    private static boolean looksLikeEmail(String text) {
        return text.contains("@") && !text.contains(" ");
    }

    private static boolean isAddress(String text) {
        return AccountService.isEmailAddress(text) && !UNSAFE_IN_ADDRESS.matcher(text).find();
    }
}
