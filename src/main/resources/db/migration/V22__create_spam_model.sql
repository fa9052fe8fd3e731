-- The learned spam filter: one row holding the logistic-regression weights (sparse, deflated), shared by
-- every node. version changes with every lesson, so that nodes know when to reload their in-memory copy.
CREATE TABLE spam_model (
    id       INT    NOT NULL PRIMARY KEY,
    version  BIGINT NOT NULL,
    examples BIGINT NOT NULL,
    weights  BYTEA,
    updated_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO spam_model (id, version, examples) VALUES (1, 0, 0);
