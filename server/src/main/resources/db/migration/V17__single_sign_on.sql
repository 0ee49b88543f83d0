-- Single sign-on (OpenID Connect). An agent's account may be linked to identities at a provider, each known by its
-- issuer and subject (the pair OpenID Connect guarantees stable and unique); an account made at a first sign-on has
-- no password (its hash is a marker no password matches).
CREATE TABLE agent_identity (
    issuer        text        NOT NULL,
    subject       text        NOT NULL,
    agent_id      bigint      NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    last_login_at timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX agent_identity_agent ON agent_identity (agent_id);

-- A sign-on under way, from the redirection to the provider to its answer: found by the hash of its state, used
-- once, tied to the browser that started it (hash of a cookie's value), kept a few minutes.
CREATE TABLE sso_login (
    state_hash    bytea       PRIMARY KEY,
    browser_hash  bytea       NOT NULL,
    nonce         text        NOT NULL,
    code_verifier text        NOT NULL,
    app           text        NOT NULL,
    expires_at    timestamptz NOT NULL
);

-- A sign-on done, waiting for its page to take the session: found by the hash of a one-time code, kept a minute.
CREATE TABLE sso_handoff (
    code_hash  bytea       PRIMARY KEY,
    agent_id   bigint      NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    id_token   text,
    expires_at timestamptz NOT NULL
);
