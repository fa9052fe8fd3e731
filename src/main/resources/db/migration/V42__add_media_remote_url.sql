-- An imported image whose file was not at hand is recorded by its original address and shown from there.
ALTER TABLE media ADD COLUMN remote_url VARCHAR(2000);
