-- trained_as: what the spam filter last learned from this comment (SPAM / HAM), so that a moderator changing
-- their mind un-learns the earlier lesson instead of counting the comment twice.
-- recheck: the comment was held because a check (Akismet) failed; a scheduled job checks it again.
ALTER TABLE comment ADD COLUMN trained_as VARCHAR(10);
ALTER TABLE comment ADD COLUMN recheck BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_comment_author_email ON comment (author_email);
CREATE INDEX ix_comment_author_ip_created_at ON comment (author_ip, created_at);
