-- Where an archived article's address sends readers; when empty the address answers 410 Gone.
ALTER TABLE article ADD COLUMN archive_redirect VARCHAR(2000);
