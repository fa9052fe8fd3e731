package org.broadsheet.media;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.broadsheet.support.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class MediaRepository {

    private final JdbcClient jdbc;

    MediaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MediaRow> find(long id) {
        return jdbc.sql("SELECT * FROM media WHERE id = :id").param("id", id).query(Rows.of(MediaRow.class)).optional();
    }

    List<MediaRow> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM media WHERE id IN (:ids)").param("ids", ids).query(Rows.of(MediaRow.class)).list();
    }

    List<VariantRow> variantsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM media_variant WHERE media_id IN (:ids) ORDER BY media_id, width")
                .param("ids", ids).query(Rows.of(VariantRow.class)).list();
    }

    long insert(String storageKey, String fileName, String mimeType, int width, int height, long byteSize,
                String alt, String caption, String credit, OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO media (storage_key, file_name, mime_type, width, height, byte_size, alt_text, caption, credit, created_at)
                VALUES (:key, :fileName, :mime, :width, :height, :size, :alt, :caption, :credit, :now)""")
                .param("key", storageKey).param("fileName", fileName).param("mime", mimeType)
                .param("width", width).param("height", height).param("size", byteSize)
                .param("alt", alt).param("caption", caption).param("credit", credit).param("now", now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertVariant(long mediaId, int width, int height, String storageKey, String mimeType, long byteSize) {
        jdbc.sql("""
                INSERT INTO media_variant (media_id, width, height, storage_key, mime_type, byte_size)
                VALUES (:mediaId, :width, :height, :key, :mime, :size)""")
                .param("mediaId", mediaId).param("width", width).param("height", height)
                .param("key", storageKey).param("mime", mimeType).param("size", byteSize)
                .update();
    }

    record VariantRow(long mediaId, int width, int height, String storageKey, String mimeType, long byteSize) {
    }

    List<MediaRow> page(long offset, int limit) {
        return jdbc.sql("SELECT * FROM media ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(Rows.of(MediaRow.class)).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM media").query(Long.class).single();
    }

    void updateText(long id, String alt, String caption, String credit) {
        jdbc.sql("UPDATE media SET alt_text = :alt, caption = :caption, credit = :credit WHERE id = :id")
                .param("alt", alt).param("caption", caption).param("credit", credit).param("id", id).update();
    }

    long usedByAuthors(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM author WHERE photo_media_id = :id").param("id", id).query(Long.class).single();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM media WHERE id = :id").param("id", id).update();
    }
}
