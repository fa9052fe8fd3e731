package org.broadsheet.syndication;

/** A partner whose pieces the journal republishes with permission. */
public record Partner(long id, String slug, String name, String url, String permissionNote) {
}
