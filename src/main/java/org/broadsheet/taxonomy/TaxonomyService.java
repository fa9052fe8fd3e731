package org.broadsheet.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.support.ReadMostly;
import org.broadsheet.support.ReadMostlyCaches;
import org.broadsheet.support.SiteWideChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Sections (a tree) and tags. The section table is small (tens of rows), so it is read whole and the tree
 * kept in memory until content changes (see {@link ReadMostlyCaches}); changes here read it afresh.
 */
@Service
public class TaxonomyService {

    private final TaxonomyRepository repository;
    private final ApplicationEventPublisher events;
    private final ReadMostly<String, Map<Long, Section>> tree;
    private final ReadMostly<Long, Tag> tagsById;

    TaxonomyService(TaxonomyRepository repository, ApplicationEventPublisher events, ReadMostlyCaches caches) {
        this.repository = repository;
        this.events = events;
        this.tree = caches.create(1);
        this.tagsById = caches.create(50_000);
    }

    /** All sections in tree order: each parent followed by its children. */
    public List<Section> sections() {
        Map<Long, Section> byId = kept();
        List<Section> ordered = new ArrayList<>();
        addInTreeOrder(null, byId.values(), ordered);
        return ordered;
    }

    public List<Section> topLevelSections() {
        return sections().stream().filter(s -> !s.nested()).toList();
    }

    public List<Section> childrenOf(long sectionId) {
        return sections().stream().filter(s -> s.parentId() != null && s.parentId() == sectionId).toList();
    }

    public Map<Long, Section> sectionsByIds(Collection<Long> ids) {
        Map<Long, Section> all = kept();
        if (!all.keySet().containsAll(ids)) {
            // A section added without an announcement (an import in progress): read the table again.
            all = build();
        }
        Map<Long, Section> out = new LinkedHashMap<>();
        for (Long id : ids) {
            Section s = all.get(id);
            if (s != null) {
                out.put(id, s);
            }
        }
        return out;
    }

    public Optional<Section> sectionByPath(String path) {
        return kept().values().stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** The section and every section below it, for "articles in Opinion" to include Opinion › News. */
    public Set<Long> withDescendants(long sectionId) {
        Map<Long, Section> all = kept();
        Set<Long> out = new java.util.LinkedHashSet<>();
        out.add(sectionId);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Section s : all.values()) {
                if (s.parentId() != null && out.contains(s.parentId()) && out.add(s.id())) {
                    grew = true;
                }
            }
        }
        return out;
    }

    /** A section form's chosen parent that was deleted in the meantime (or never existed). */
    public static final String NO_SUCH_PARENT = "That parent section no longer exists; choose another.";

    public long createSection(Long parentId, String slug, String name, String description, int position) {
        String path = parentId == null ? slug : build().get(parentId).path() + "/" + slug;
        long id = repository.insertSection(parentId, slug, path, name, description, position);
        events.publishEvent(new SiteWideChange("sections"));
        return id;
    }

    /**
     * Changes a section's name, slug, description and place in the tree, then rewrites the stored path of
     * the section and of every section below it.
     *
     * @throws org.broadsheet.support.BadRequestException when the move would put a section inside itself or
     *                                                    the slug is taken among its siblings
     */
    @org.springframework.transaction.annotation.Transactional
    public void updateSection(long id, Long parentId, String slug, String name, String description) {
        Map<Long, Section> all = build();
        Section section = all.get(id);
        if (section == null) {
            throw new org.broadsheet.support.NotFoundException("There is no such section.");
        }
        if (parentId != null && !all.containsKey(parentId)) {
            throw new org.broadsheet.support.BadRequestException(NO_SUCH_PARENT);
        }
        if (parentId != null && withDescendants(id).contains(parentId)) {
            throw new org.broadsheet.support.BadRequestException("A section cannot be moved inside itself or one of its subsections.");
        }
        org.broadsheet.support.Slugs.require(slug);
        if (name == null || name.isBlank()) {
            throw new org.broadsheet.support.BadRequestException("Give the section a name.");
        }
        boolean clash = all.values().stream().anyMatch(s -> s.id() != id && java.util.Objects.equals(s.parentId(), parentId)
                && s.slug().equals(slug));
        if (clash) {
            throw new org.broadsheet.support.BadRequestException("Another section at that place already uses the address “" + slug + "”.");
        }
        int position = java.util.Objects.equals(section.parentId(), parentId) ? section.position()
                : all.values().stream().filter(s -> java.util.Objects.equals(s.parentId(), parentId)).mapToInt(Section::position).max().orElse(-1) + 1;
        repository.updateSection(id, parentId, slug, name.strip(), description == null ? "" : description.strip(), position);
        rewritePaths();
        events.publishEvent(new SiteWideChange("taxonomy"));
    }

    /** Moves a section one place up ({@code -1}) or down ({@code +1}) among its siblings. */
    @org.springframework.transaction.annotation.Transactional
    public void moveSection(long id, int direction) {
        Map<Long, Section> all = build();
        Section section = all.get(id);
        if (section == null) {
            throw new org.broadsheet.support.NotFoundException("There is no such section.");
        }
        List<Section> siblings = sections().stream().filter(s -> java.util.Objects.equals(s.parentId(), section.parentId())).toList();
        List<Section> order = new ArrayList<>(siblings);
        int at = order.indexOf(all.get(id));
        int to = Math.max(0, Math.min(order.size() - 1, at + Integer.signum(direction)));
        order.remove(at);
        order.add(to, section);
        for (int i = 0; i < order.size(); i++) {
            repository.updatePosition(order.get(i).id(), i);
        }
        events.publishEvent(new SiteWideChange("taxonomy"));
    }

    /** Recomputes every section's path from the slugs of its ancestors (in two steps, so that no two rows clash midway). */
    private void rewritePaths() {
        List<TaxonomyRepository.SectionRow> rows = repository.allSections();
        Map<Long, TaxonomyRepository.SectionRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        Map<Long, String> paths = new HashMap<>();
        for (TaxonomyRepository.SectionRow row : rows) {
            StringBuilder path = new StringBuilder(row.slug());
            TaxonomyRepository.SectionRow step = row.parentId() == null ? null : byId.get(row.parentId());
            int guard = 0;
            while (step != null && guard++ < 32) {
                path.insert(0, step.slug() + "/");
                step = step.parentId() == null ? null : byId.get(step.parentId());
            }
            paths.put(row.id(), path.toString());
        }
        List<TaxonomyRepository.SectionRow> changed = rows.stream().filter(r -> !r.path().equals(paths.get(r.id()))).toList();
        changed.forEach(r -> repository.updatePath(r.id(), "~moving/" + r.id()));
        changed.forEach(r -> repository.updatePath(r.id(), paths.get(r.id())));
    }

    @org.springframework.transaction.annotation.Transactional
    public void renameTag(long id, String slug, String name) {
        if (name == null || name.isBlank()) {
            throw new org.broadsheet.support.BadRequestException("Give the tag a name.");
        }
        org.broadsheet.support.Slugs.require(slug);
        Optional<Tag> other = repository.tagBySlug(slug);
        if (other.isPresent() && other.get().id() != id) {
            throw new org.broadsheet.support.BadRequestException("The tag “" + other.get().name() + "” already uses that address; merge the two instead.");
        }
        repository.updateTag(id, slug, name.strip());
        events.publishEvent(new SiteWideChange("taxonomy"));
    }

    /** Gives every article of tag {@code fromId} the tag {@code intoId} instead, and deletes the first. */
    @org.springframework.transaction.annotation.Transactional
    public void mergeTags(long fromId, long intoId) {
        if (fromId == intoId) {
            throw new org.broadsheet.support.BadRequestException("Choose two different tags to merge.");
        }
        if (repository.tags(List.of(fromId, intoId)).size() != 2) {
            throw new org.broadsheet.support.NotFoundException("There is no such tag.");
        }
        repository.mergeTag(fromId, intoId);
        events.publishEvent(new SiteWideChange("taxonomy"));
    }

    public long articlesWithTag(long tagId) {
        return repository.articlesWithTag(tagId);
    }

    /** Tags by id, in order of name. */
    public Map<Long, Tag> tagsByIds(Collection<Long> ids) {
        Map<Long, Tag> found = tagsById.getAll(ids, missing -> {
            Map<Long, Tag> read = new HashMap<>();
            repository.tags(missing).forEach(t -> read.put(t.id(), t));
            return read;
        });
        Map<Long, Tag> byName = new LinkedHashMap<>();
        found.values().stream().sorted(java.util.Comparator.comparing(Tag::name)).forEach(t -> byName.put(t.id(), t));
        return byName;
    }

    public Optional<Tag> tagBySlug(String slug) {
        return repository.tagBySlug(slug);
    }

    public List<Tag> tags() {
        return repository.allTags();
    }

    public long createTag(String slug, String name) {
        long id = repository.insertTag(slug, name);
        events.publishEvent(new SiteWideChange("taxonomy"));
        return id;
    }

    /** The tree as kept for readers. */
    private Map<Long, Section> kept() {
        return tree.get("sections", k -> build());
    }

    /** The tree read afresh, for changes to check against. */
    private Map<Long, Section> build() {
        List<TaxonomyRepository.SectionRow> rows = repository.allSections();
        Map<Long, TaxonomyRepository.SectionRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        Map<Long, Section> out = new LinkedHashMap<>();
        for (TaxonomyRepository.SectionRow row : rows) {
            List<Section.Crumb> trail = new ArrayList<>();
            TaxonomyRepository.SectionRow step = row;
            int guard = 0;
            while (step != null && guard++ < 32) {
                trail.add(0, new Section.Crumb(step.name(), "/section/" + step.path() + "/"));
                step = step.parentId() == null ? null : byId.get(step.parentId());
            }
            out.put(row.id(), new Section(row.id(), row.parentId(), row.slug(), row.path(), row.name(),
                    row.description(), row.position(), List.copyOf(trail)));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static void addInTreeOrder(Long parentId, Collection<Section> all, List<Section> out) {
        for (Section s : all) {
            if (java.util.Objects.equals(s.parentId(), parentId)) {
                out.add(s);
                addInTreeOrder(s.id(), all, out);
            }
        }
    }
}
