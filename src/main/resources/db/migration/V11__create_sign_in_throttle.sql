-- Failed sign-ins per account ("account:<email>") and per address ("ip:<address>"). In the database so
-- that every node of a cluster applies the same delay.
CREATE TABLE sign_in_throttle (
    throttle_key    VARCHAR(400) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE
);
