-- A double-submitted comment form carries the same key; the unique index makes the second insert fail
-- instead of storing the comment twice. Comments entered by the application have none (NULLs do not clash).
ALTER TABLE comment ADD COLUMN idempotency_key VARCHAR(64);
CREATE UNIQUE INDEX ux_comment_idempotency_key ON comment (idempotency_key);
