-- Failed log-ins per account ('account:<username>') and per client address ('address:<ip>'), shared by every node,
-- so that a lock holds cluster-wide. A row is forgotten when an account logs in; stale rows are purged.
CREATE TABLE login_throttle (
    key          text        PRIMARY KEY,
    failures     integer     NOT NULL,
    last_failure timestamptz NOT NULL,
    locked_until timestamptz
);
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure);

-- A password an administrator set (creation, reset, import) or the generated first administrator's: the agent must
-- choose their own before doing anything else.
ALTER TABLE agent ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
