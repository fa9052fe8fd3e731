-- Secondary indexes an import dropped while it filled empty tables, with the statement that builds each
-- again. The import builds them at its end and deletes the row; a row still here means the process died
-- first, and the next start builds the index it names (migrate/DeferredIndexes).
CREATE TABLE import_deferred_index (
    index_name VARCHAR(200)  NOT NULL PRIMARY KEY,
    table_name VARCHAR(200)  NOT NULL,
    create_sql VARCHAR(4000) NOT NULL,
    dropped_at TIMESTAMP WITH TIME ZONE NOT NULL
);
