-- Appointments (issue 13, item 2): services that take them have slots of a length and a capacity within their
-- site's calendar; a visitor (or an agent for them) books one, checks in at the kiosk with its code, and gets a
-- ticket called at the booked time ahead of walk-ins.
ALTER TABLE service ADD COLUMN appointment_slot_minutes integer CHECK (appointment_slot_minutes BETWEEN 5 AND 240),
                    ADD COLUMN appointment_capacity integer CHECK (appointment_capacity BETWEEN 1 AND 100),
                    ADD CONSTRAINT service_appointments_whole
                        CHECK ((appointment_slot_minutes IS NULL) = (appointment_capacity IS NULL));

-- How many appointments each slot holds: one row per slot ever booked, counted up and down in the statement that
-- books or cancels, so that no slot takes more than its capacity whatever the concurrency.
CREATE TABLE appointment_slot (
    service_id text        NOT NULL REFERENCES service (id),
    starts_at  timestamptz NOT NULL,
    booked     integer     NOT NULL CHECK (booked >= 0),
    PRIMARY KEY (service_id, starts_at)
);

CREATE TABLE appointment (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id       text        NOT NULL REFERENCES site (id),
    service_id    text        NOT NULL REFERENCES service (id),
    starts_at     timestamptz NOT NULL,
    slot_minutes  integer     NOT NULL,
    code          text        NOT NULL,
    token         text        NOT NULL UNIQUE,
    -- optional, as the visitor gave it; erased the day after the appointment
    name          text        CHECK (length(name) <= 80),
    language      text        NOT NULL,
    status        text        NOT NULL DEFAULT 'BOOKED'
        CHECK (status IN ('BOOKED', 'CHECKED_IN', 'CANCELLED', 'NO_SHOW')),
    ticket_id     bigint      REFERENCES ticket (id) ON DELETE SET NULL,
    channel       text        NOT NULL CHECK (channel IN ('WEB', 'AGENT')),
    created_by    bigint      REFERENCES agent (id),
    created_at    timestamptz NOT NULL,
    checked_in_at timestamptz,
    closed_at     timestamptz,
    -- a mobile number for one SMS reminder, only if the visitor asked for it: sealed (AES-GCM, the contact key),
    -- erased once the reminder is sent or no longer needed
    phone_cipher  bytea,
    reminder      text        CHECK (reminder IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'DROPPED')),
    CHECK ((phone_cipher IS NOT NULL) = (reminder IS NOT NULL AND reminder IN ('PENDING', 'SENDING')))
);
CREATE INDEX appointment_reminder_pending ON appointment (starts_at) WHERE reminder = 'PENDING';
CREATE UNIQUE INDEX appointment_code_booked ON appointment (site_id, code) WHERE status = 'BOOKED';
CREATE INDEX appointment_site_time ON appointment (site_id, starts_at);
CREATE INDEX appointment_booked_time ON appointment (starts_at) WHERE status = 'BOOKED';
CREATE INDEX appointment_code ON appointment (site_id, code);
CREATE INDEX appointment_ticket ON appointment (ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX appointment_time ON appointment (starts_at);

-- A checked-in visitor's ticket carries the booked time: called then, ahead of walk-ins, and not before.
ALTER TABLE ticket ADD COLUMN appointment_at timestamptz;
