-- Phone call-backs (issue 13, item 4): a caller asks to be called back about a service; business agents call back
-- from their tablet and record how it went. The phone number is the only personal data: kept encrypted (AES-GCM, a
-- key outside the database) and erased as soon as the call-back is over, or after the configured number of days.
ALTER TABLE service ADD COLUMN callback_target_minutes integer NOT NULL DEFAULT 240
    CHECK (callback_target_minutes BETWEEN 1 AND 20160);

CREATE TABLE callback_request (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id         text        NOT NULL REFERENCES site (id),
    service_id      text        NOT NULL REFERENCES service (id),
    status          text        NOT NULL DEFAULT 'WAITING'
        CHECK (status IN ('WAITING', 'CALLING', 'ANSWERED', 'WRONG_NUMBER', 'UNREACHED', 'EXPIRED')),
    -- null once erased; never null while the request can still be called back
    phone_cipher    bytea,
    -- free text: emptied with the agents' notes (retention.notesDays after the request is over)
    subject         text        NOT NULL CHECK (length(subject) <= 200),
    language        text        NOT NULL,
    preferred_from  timestamptz NOT NULL,
    preferred_to    timestamptz NOT NULL CHECK (preferred_to > preferred_from),
    created_at      timestamptz NOT NULL,
    created_by      bigint      REFERENCES agent (id),
    channel         text        NOT NULL CHECK (channel IN ('AGENT', 'PHONE_PAGE')),
    -- not called back before (the window's start; after "no answer", the retry delay)
    not_before      timestamptz NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    holder_agent_id bigint      REFERENCES agent (id),
    holder_counter  text,
    taken_at        timestamptz,
    first_attempt_at timestamptz,
    closed_at       timestamptz,
    erase_after     timestamptz NOT NULL,
    CHECK ((status IN ('WAITING', 'CALLING')) = (phone_cipher IS NOT NULL)),
    CHECK ((status = 'CALLING') = (holder_agent_id IS NOT NULL))
);
CREATE INDEX callback_waiting ON callback_request (service_id, not_before) WHERE status = 'WAITING';
CREATE INDEX callback_open_erase ON callback_request (erase_after) WHERE phone_cipher IS NOT NULL;
CREATE INDEX callback_created ON callback_request (site_id, created_at);
CREATE UNIQUE INDEX callback_one_per_counter ON callback_request (holder_counter) WHERE status = 'CALLING';

-- Every attempt, so that delays and outcomes are counted; no number here.
CREATE TABLE callback_attempt (
    callback_id bigint      NOT NULL REFERENCES callback_request (id) ON DELETE CASCADE,
    attempt     integer     NOT NULL,
    at          timestamptz NOT NULL,
    agent_id    bigint      REFERENCES agent (id),
    counter_id  text,
    outcome     text        NOT NULL CHECK (outcome IN ('ANSWERED', 'NO_ANSWER', 'WRONG_NUMBER')),
    PRIMARY KEY (callback_id, attempt)
);
