package org.broadsheet.account;

/**
 * What the sign-in, set-up, password and invitation pages show.
 *
 * @param form    which form: sign-in, set-up, forgot, reset, invitation, or message (no form)
 * @param notice  a neutral message, or empty
 * @param error   what went wrong, or empty
 * @param token   the one-time link's token the form posts back, or empty
 */
public record AccountPage(String form, String title, String stylesheetUrl, String csrfParameter, String csrfToken,
                          String notice, String error, String token, String email) {
}
