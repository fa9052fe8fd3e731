-- The locks that keep the hourly comment limit per IP address and per email address on every node at once
-- (comment/RateLocks): one row per stripe. Posting a comment locks the rows of its sender's two stripes with
-- SELECT ... FOR UPDATE, counts the sender's comments of the last hour and inserts the new one, all in one
-- transaction, so that nodes sharing the database take turns for one sender. The column is called id, like the
-- other tables' keys, so that a backup restored into a new instance finds these rows already there.
CREATE TABLE comment_rate_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO comment_rate_lock (id) VALUES
    (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15),
    (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31),
    (32), (33), (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47),
    (48), (49), (50), (51), (52), (53), (54), (55), (56), (57), (58), (59), (60), (61), (62), (63);
