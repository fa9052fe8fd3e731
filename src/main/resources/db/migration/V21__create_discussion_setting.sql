-- Discussion settings (open by default, auto-close, moderation rules, disallowed lists, Akismet key) and the
-- secret that signs comment-form tokens: rows in the database, so that every node uses the same ones.
CREATE TABLE discussion_setting (
    name          VARCHAR(100)   NOT NULL PRIMARY KEY,
    setting_value VARCHAR(20000) NOT NULL
);
