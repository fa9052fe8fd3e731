-- H2 2.4.240 keeps state of a CHECK (column IN (...)) tied to the session that created the constraint: once
-- the pool retires that connection, every insert into the table fails with "Check constraint invalid" (H2
-- issue 4302; a fresh database broke after about twenty minutes of importing). The same rules written as
-- CASE expressions carry no such state; PostgreSQL reads them the same way.
ALTER TABLE article DROP CONSTRAINT ck_article_status;
ALTER TABLE article ADD CONSTRAINT ck_article_status CHECK (CASE status WHEN 'DRAFT' THEN TRUE
    WHEN 'IN_REVIEW' THEN TRUE WHEN 'SCHEDULED' THEN TRUE WHEN 'PUBLISHED' THEN TRUE WHEN 'ARCHIVED' THEN TRUE
    ELSE FALSE END);
ALTER TABLE comment DROP CONSTRAINT ck_comment_status;
ALTER TABLE comment ADD CONSTRAINT ck_comment_status CHECK (CASE status WHEN 'PENDING' THEN TRUE
    WHEN 'APPROVED' THEN TRUE WHEN 'SPAM' THEN TRUE WHEN 'TRASH' THEN TRUE ELSE FALSE END);
ALTER TABLE account_token DROP CONSTRAINT ck_account_token_purpose;
ALTER TABLE account_token ADD CONSTRAINT ck_account_token_purpose CHECK (CASE purpose WHEN 'SETUP' THEN TRUE
    WHEN 'RESET' THEN TRUE WHEN 'INVITE' THEN TRUE ELSE FALSE END);
