package org.broadsheet.newsroom;

import java.util.List;

import org.broadsheet.syndication.Partner;

/** The pages that manage author profiles, syndication partners and the site's settings. */
public final class PeoplePages {

    private PeoplePages() {
    }

    public record Authors(List<AuthorRow> authors, String notice, String error) {
    }

    public record AuthorRow(long id, String name, String affiliation, String url) {
    }

    /**
     * One profile's form.
     *
     * @param links one "Label | https://…" per line
     */
    public record AuthorEdit(long id, String name, String slug, String credentials, String affiliation, String bio,
                             String photoMediaId, String email, String links, List<Option> media, String error) {
    }

    public record Partners(List<Partner> partners, String notice, String error) {
    }

    /** The settings form, with the values as stored or, after a refusal, as sent. */
    public record Settings(String title, String tagline, String language, String timeZone, String perPage,
                           String privacyContact, List<String> zones, String notice, String error) {
    }
}
