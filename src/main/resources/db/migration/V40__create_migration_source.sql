-- Where imported rows came from: (source site, kind, id there) → our row, so that running the same
-- import again updates instead of duplicating. Kinds: post, page, attachment, comment.
CREATE TABLE migration_source (
    source_site VARCHAR(300) NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    source_id   VARCHAR(200) NOT NULL,
    target_id   BIGINT       NOT NULL,
    PRIMARY KEY (source_site, kind, source_id)
);
CREATE INDEX ix_migration_source_kind_target_id ON migration_source (kind, target_id);
