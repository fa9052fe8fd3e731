package org.broadsheet.syndication;

import java.util.List;
import java.util.Optional;

import org.broadsheet.support.ReadMostly;
import org.broadsheet.support.ReadMostlyCaches;
import org.broadsheet.support.Rows;
import org.broadsheet.support.SiteWideChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** Syndication partners: think tanks and journals whose pieces are republished here. */
@Service
public class PartnerService {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ReadMostly<Long, Partner> kept;

    PartnerService(JdbcClient jdbc, ApplicationEventPublisher events, ReadMostlyCaches caches) {
        this.jdbc = jdbc;
        this.events = events;
        this.kept = caches.create(1_000);
    }

    /** A partner, kept in memory once read: syndicated articles name theirs on every view. */
    public Optional<Partner> find(long id) {
        return Optional.ofNullable(kept.get(id, k -> jdbc.sql("SELECT id, slug, name, url, permission_note FROM partner WHERE id = :id")
                .param("id", k).query(Rows.of(Partner.class)).optional().orElse(null)));
    }

    public List<Partner> all() {
        return jdbc.sql("SELECT id, slug, name, url, permission_note FROM partner ORDER BY name")
                .query(Rows.of(Partner.class)).list();
    }

    public long create(String slug, String name, String url, String permissionNote) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO partner (slug, name, url, permission_note) VALUES (:slug, :name, :url, :note)")
                .param("slug", slug).param("name", name).param("url", url).param("note", permissionNote)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, String slug, String name, String url, String permissionNote) {
        jdbc.sql("UPDATE partner SET slug = :slug, name = :name, url = :url, permission_note = :note WHERE id = :id")
                .param("slug", slug).param("name", name).param("url", url).param("note", permissionNote).param("id", id)
                .update();
        // Syndication notices name the partner; they are rare enough to refresh every cached page.
        events.publishEvent(new SiteWideChange("partners"));
    }
}
