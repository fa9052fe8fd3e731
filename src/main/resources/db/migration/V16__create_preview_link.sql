-- Secret links that show an unpublished article to someone without an account, until they expire.
CREATE TABLE preview_link (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    article_id  BIGINT      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_preview_link_article_id ON preview_link (article_id);
