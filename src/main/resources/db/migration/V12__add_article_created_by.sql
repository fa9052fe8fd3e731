-- Who started an article: a contributor may edit the drafts they created.
ALTER TABLE article ADD COLUMN created_by BIGINT REFERENCES app_user (id);
