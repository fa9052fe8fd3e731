package org.broadsheet.taxonomy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.broadsheet.support.SiteWideChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Sections (a tree) and tags. The section table is small (tens of rows), so each call reads it whole and
 * builds the tree: one query, and every node of a cluster sees renames at once.
 */
@Service
public class TaxonomyService {

    private final TaxonomyRepository repository;
    private final ApplicationEventPublisher events;

    TaxonomyService(TaxonomyRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /** All sections in tree order: each parent followed by its children. */
    public List<Section> sections() {
        Map<Long, Section> byId = build();
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
        Map<Long, Section> all = build();
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
        return build().values().stream().filter(s -> s.path().equals(path)).findFirst();
    }

    /** The section and every section below it, for "articles in Opinion" to include Opinion › News. */
    public Set<Long> withDescendants(long sectionId) {
        Map<Long, Section> all = build();
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

    public long createSection(Long parentId, String slug, String name, String description, int position) {
        String path = parentId == null ? slug : build().get(parentId).path() + "/" + slug;
        long id = repository.insertSection(parentId, slug, path, name, description, position);
        events.publishEvent(new SiteWideChange("sections"));
        return id;
    }

    public Map<Long, Tag> tagsByIds(Collection<Long> ids) {
        Map<Long, Tag> out = new LinkedHashMap<>();
        for (Tag t : repository.tags(ids)) {
            out.put(t.id(), t);
        }
        return out;
    }

    public Optional<Tag> tagBySlug(String slug) {
        return repository.tagBySlug(slug);
    }

    public List<Tag> tags() {
        return repository.allTags();
    }

    public long createTag(String slug, String name) {
        return repository.insertTag(slug, name);
    }

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
        return out;
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
