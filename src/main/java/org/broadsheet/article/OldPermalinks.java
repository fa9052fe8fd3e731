package org.broadsheet.article;

import java.util.Optional;

/**
 * The addresses articles had on the site they were imported from. An old WordPress permalink has the article
 * address's form, {@code /2021/04/05/санкции-2021/}, but a slug this site would not give (WordPress keeps
 * Cyrillic, Greek or Japanese names; Broadsheet spells them in ASCII), so the article page asks here before it
 * answers 404. The migrate feature provides it.
 */
public interface OldPermalinks {

    /**
     * Where an old address now leads on this site, if it was one of an imported article.
     *
     * @param requestedPath the path as the request sent it, percent-escapes and all, without the query
     */
    Optional<String> currentAddress(String requestedPath);
}
