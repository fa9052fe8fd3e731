-- Old addresses (a WordPress permalink, "/?p=123") that answer 301 to an article's current address.
-- The target is worked out from the article on each request, so a later change of slug or date is followed.
CREATE TABLE redirect (
    old_path   VARCHAR(1000) NOT NULL PRIMARY KEY,
    article_id BIGINT REFERENCES article (id) ON DELETE CASCADE,
    target     VARCHAR(2000),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_redirect_article_id ON redirect (article_id);
