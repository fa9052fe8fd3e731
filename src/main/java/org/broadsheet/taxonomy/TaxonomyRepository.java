package org.broadsheet.taxonomy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.broadsheet.support.Rows;
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

    void updateSection(long id, Long parentId, String slug, String name, String description, int position) {
        jdbc.sql("""
                UPDATE section SET parent_id = :parent, slug = :slug, name = :name, description = :description,
                    position = :position WHERE id = :id""")
                .param("parent", parentId).param("slug", slug).param("name", name).param("description", description)
                .param("position", position).param("id", id).update();
    }

    void updatePath(long id, String path) {
        jdbc.sql("UPDATE section SET path = :path WHERE id = :id").param("path", path).param("id", id).update();
    }

    void updatePosition(long id, int position) {
        jdbc.sql("UPDATE section SET position = :position WHERE id = :id").param("position", position).param("id", id).update();
    }

    void updateTag(long id, String slug, String name) {
        jdbc.sql("UPDATE tag SET slug = :slug, name = :name WHERE id = :id").param("slug", slug).param("name", name)
                .param("id", id).update();
    }

    /** Moves every article of one tag to another (skipping those already there) and deletes the first. */
    void mergeTag(long fromId, long intoId) {
        jdbc.sql("""
                INSERT INTO article_tag (article_id, tag_id)
                SELECT article_id, :into FROM article_tag WHERE tag_id = :from
                AND article_id NOT IN (SELECT article_id FROM article_tag WHERE tag_id = :into)""")
                .param("from", fromId).param("into", intoId).update();
        jdbc.sql("DELETE FROM article_tag WHERE tag_id = :from").param("from", fromId).update();
        jdbc.sql("DELETE FROM tag WHERE id = :from").param("from", fromId).update();
    }

    long articlesWithTag(long tagId) {
        return jdbc.sql("SELECT COUNT(*) FROM article_tag WHERE tag_id = :id").param("id", tagId).query(Long.class).single();
    }
}
