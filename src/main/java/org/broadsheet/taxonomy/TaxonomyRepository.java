package org.broadsheet.taxonomy;

import org.broadsheet.support.Rows;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TaxonomyRepository {

    private final JdbcClient jdbc;

    TaxonomyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record SectionRow(long id, Long parentId, String slug, String path, String name, String description, int position) {
    }

    List<SectionRow> allSections() {
        return jdbc.sql("SELECT id, parent_id, slug, path, name, description, position FROM section ORDER BY position, name")
                .query(Rows.of(SectionRow.class)).list();
    }

    long insertSection(Long parentId, String slug, String path, String name, String description, int position) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO section (parent_id, slug, path, name, description, position)
                VALUES (:parent, :slug, :path, :name, :description, :position)""")
                .param("parent", parentId).param("slug", slug).param("path", path).param("name", name)
                .param("description", description).param("position", position)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    List<Tag> tags(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id, slug, name FROM tag WHERE id IN (:ids) ORDER BY name").param("ids", ids)
                .query(Rows.of(Tag.class)).list();
    }

    Optional<Tag> tagBySlug(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM tag WHERE slug = :slug").param("slug", slug).query(Rows.of(Tag.class)).optional();
    }

    List<Tag> allTags() {
        return jdbc.sql("SELECT id, slug, name FROM tag ORDER BY name").query(Rows.of(Tag.class)).list();
    }

    long insertTag(String slug, String name) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tag (slug, name) VALUES (:slug, :name)").param("slug", slug).param("name", name)
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
