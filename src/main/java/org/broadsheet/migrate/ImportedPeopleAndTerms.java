package org.broadsheet.migrate;

import static org.broadsheet.migrate.WxrFields.clip;
import static org.broadsheet.migrate.WxrFields.slug;
import static org.broadsheet.migrate.WxrFields.text;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The authors, sections and tags of an import, matched by slug to what the site has or created once: authors
 * from the export's list or from the posts, categories as sections with their hierarchy, tags.
 */
final class ImportedPeopleAndTerms {

    private final ImportStore store;
    private final ImportReport report;
    private final OffsetDateTime now;
    private final Map<String, Long> sectionsByPath;
    private final Map<String, Long> sectionByNicename = new HashMap<>();
    private final Map<Long, String> pathBySection = new HashMap<>();
    private final Map<String, Long> tagsBySlug;
    private final Map<String, Long> authorsBySlug;
    private final Map<String, Long> authorByLogin = new HashMap<>();
    private final List<Wxr.Term> pendingCategories = new ArrayList<>();

    ImportedPeopleAndTerms(ImportStore store, ImportReport report, OffsetDateTime now) {
        this.store = store;
        this.report = report;
        this.now = now;
        this.sectionsByPath = store.sectionIdsByPath();
        sectionsByPath.forEach((path, id) -> pathBySection.put(id, path));
        this.tagsBySlug = store.tagIdsBySlug();
        this.authorsBySlug = store.authorIdsBySlug();
    }

    void author(Wxr.Author a) {
        String login = a.login().isBlank() ? a.displayName() : a.login();
        authorByLogin.put(login, authorFor(login, a.displayName(), a.email(), true));
    }

    /** The author of a post, created from the post when the export's author list does not name them. */
    long authorOfPost(String login) {
        return authorFor(login, login, null, false);
    }

    private long authorFor(String login, String displayName, String email, boolean fromHeader) {
        Long known = authorByLogin.get(login);
        if (known != null) {
            return known;
        }
        String slug = slug(login, "author");
        Long id = authorsBySlug.get(slug);
        if (id != null) {
            report.tally("authors matched");
            return id;
        }
        String name = clip(displayName.isBlank() ? login : displayName, 200);
        String mail = email == null || email.isBlank() ? null : clip(email.strip(), 320);
        id = store.insertAuthor(slug, name, mail);
        authorsBySlug.put(slug, id);
        report.tally("authors");
        // WXR does not say which role a user had; every imported account starts as a contributor, disabled,
        // without a password, until an administrator invites them.
        String accountEmail = mail != null ? mail : slug + "@imported.invalid";
        if (!store.userExists(accountEmail)) {
            store.insertInvitedUser(accountEmail, name, "CONTRIBUTOR", id, now);
            report.tally("staff accounts (disabled)");
        }
        if (!fromHeader) {
            report.warn("author \"" + login + "\" is not in the export's author list; created from the posts");
        }
        return id;
    }

    void term(Wxr.Term t) {
        switch (t.taxonomy()) {
            case "category" -> pendingCategories.add(t);
            case "post_tag" -> tagFor(t.slug(), t.name());
            default -> report.tally("other terms (ignored)");
        }
    }

    /** Creates the collected categories as sections, parents first, so that each path extends its parent's. */
    void flushCategories() {
        if (pendingCategories.isEmpty()) {
            return;
        }
        Map<String, Wxr.Term> byNicename = new HashMap<>();
        pendingCategories.forEach(t -> byNicename.putIfAbsent(t.slug(), t));
        for (Wxr.Term t : pendingCategories) {
            sectionFor(t, byNicename, 0);
        }
        pendingCategories.clear();
    }

    private long sectionFor(Wxr.Term t, Map<String, Wxr.Term> byNicename, int depth) {
        Long known = sectionByNicename.get(t.slug());
        if (known != null) {
            return known;
        }
        Long parentId = null;
        String parentPath = "";
        Wxr.Term parent = t.parent().isBlank() ? null : byNicename.get(t.parent());
        if (parent != null && depth < 20 && !parent.slug().equals(t.slug())) {
            parentId = sectionFor(parent, byNicename, depth + 1);
            parentPath = sectionPath(parentId);
        } else if (!t.parent().isBlank() && parent == null) {
            report.warn("category \"" + t.slug() + "\" names a parent \"" + t.parent() + "\" that the export does not have; imported at the top level");
        }
        String slug = slug(t.slug().isBlank() ? t.name() : SectionNicenames.slugOf(t.slug()), "section-" + t.id());
        String path = parentPath.isEmpty() ? slug : parentPath + "/" + slug;
        Long id = sectionsByPath.get(path);
        if (id == null) {
            id = store.insertSection(parentId, slug, clip(text(t.name()).isBlank() ? slug : text(t.name()), 200),
                    clip(text(t.description()), 2000));
            sectionsByPath.put(path, id);
            pathBySection.put(id, path);
            report.tally("sections");
        }
        sectionByNicename.put(t.slug(), id);
        return id;
    }

    private String sectionPath(long sectionId) {
        return pathBySection.getOrDefault(sectionId, "");
    }

    long tagFor(String nicename, String name) {
        String slug = slug(nicename.isBlank() ? name : nicename, "tag");
        Long id = tagsBySlug.get(slug);
        if (id == null) {
            id = store.insertTag(slug, clip(text(name).isBlank() ? slug : text(name), 200));
            tagsBySlug.put(slug, id);
            report.tally("tags");
        }
        return id;
    }

    long sectionOfItemTerm(Wxr.ItemTerm t) {
        Long id = sectionByNicename.get(t.slug());
        if (id != null) {
            return id;
        }
        Map<String, Wxr.Term> none = Map.of();
        return sectionFor(new Wxr.Term("category", "", t.slug(), "", t.name(), ""), none, 0);
    }
}
