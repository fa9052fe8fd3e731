package org.broadsheet.spam;

import java.util.List;

/**
 * The site's own rules, from the discussion settings.
 *
 * @param maxLinks         more links than this count against a comment
 * @param disallowedWords  words or phrases (lower case) that mark a comment as spam
 * @param disallowedIps    IP addresses, or prefixes ending in "." / ":", that mark a comment as spam
 * @param disallowedEmails email addresses, or "@domain" suffixes, that mark a comment as spam
 */
public record SpamRules(int maxLinks, List<String> disallowedWords, List<String> disallowedIps,
                        List<String> disallowedEmails) {

    public static final SpamRules DEFAULT = new SpamRules(2, List.of(), List.of(), List.of());
}
