-- Every administrative change: who (the account, and its username as it was then; null for the server itself), from
-- which address, what, on which entity of which site, and the entity before and after (secrets stripped).
CREATE TABLE audit_log (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor_agent_id bigint,
    actor_username text        NOT NULL,
    actor_address  text,
    action         text        NOT NULL,
    entity_kind    text        NOT NULL,
    entity_id      text        NOT NULL,
    site_id        text,
    before         jsonb,
    after          jsonb
);
-- No foreign keys: an entry outlives what it names. Listing is newest first by id; retention deletes by age.
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_site ON audit_log (site_id, id);
