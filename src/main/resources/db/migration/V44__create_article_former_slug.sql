-- Slugs a published article had before an editor changed it, so that links to its old address answer 301
-- with its current one instead of 404 (WordPress keeps the same in _wp_old_slug). A slug an article takes
-- back, or that another article takes later, is found as that article first.
CREATE TABLE article_former_slug (
    slug        VARCHAR(200) NOT NULL PRIMARY KEY,
    article_id  BIGINT       NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    replaced_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_article_former_slug_article_id ON article_former_slug (article_id);
