-- Every change to an account (name, role, sites, active) adds one to its version, so that an administrator editing
-- from an old copy is told rather than overwriting a colleague's change (optimistic concurrency).
ALTER TABLE agent ADD COLUMN version integer NOT NULL DEFAULT 1;
