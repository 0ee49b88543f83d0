-- Pairing a device without typing its token: an administrator asks for a short code, the device redeems it once for a
-- new token. One pending code per device (asking again replaces it). The code is never stored: only its first
-- characters (the selector, to find the row a guess aims at) and the SHA-256 of the whole code. A row stays after use,
-- expiry or too many wrong guesses, so that the device can be told which of these happened.
CREATE TABLE device_pairing (
    device_id       text PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
    selector        text        NOT NULL CONSTRAINT device_pairing_selector UNIQUE,
    code_hash       bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    failed_attempts integer     NOT NULL DEFAULT 0,
    used_at         timestamptz
);
