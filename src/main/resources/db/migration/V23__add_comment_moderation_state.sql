-- trained_as: what the spam filter last learned from this comment (SPAM / HAM), so that the same lesson is
-- not taught twice. recheck: the comment was held because a check (Akismet) failed; a job checks it again.
-- body_hash: SHA-256 of the normalised text, to find the same text posted again without comparing TEXT columns.
ALTER TABLE comment ADD COLUMN trained_as VARCHAR(10);
ALTER TABLE comment ADD COLUMN recheck BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE comment ADD COLUMN body_hash VARCHAR(64);
CREATE INDEX ix_comment_body_hash ON comment (body_hash);
CREATE INDEX ix_comment_author_email ON comment (author_email);
CREATE INDEX ix_comment_author_ip_created_at ON comment (author_ip, created_at);
