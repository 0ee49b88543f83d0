-- SMS reminders of tickets taken on a phone (issue 13, item 3): when the visitor asked for one, their number, sealed
-- (AES-GCM, a key outside the database) until the reminder is sent or no longer needed, then erased.
CREATE TABLE ticket_reminder (
    ticket_id    bigint      PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    site_id      text        NOT NULL,
    phone_cipher bytea,
    status       text        NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DROPPED')),
    created_at   timestamptz NOT NULL,
    done_at      timestamptz,
    failure      text,
    CHECK ((status IN ('PENDING', 'SENDING')) = (phone_cipher IS NOT NULL))
);
CREATE INDEX ticket_reminder_pending ON ticket_reminder (created_at) WHERE status = 'PENDING';
