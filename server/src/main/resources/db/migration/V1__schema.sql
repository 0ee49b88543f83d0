-- Guichet schema, version 1.
-- Configuration tables are keyed by the stable text ids of the deployment file; tickets and their events are append-mostly.

CREATE TABLE site (
    id             text PRIMARY KEY,
    name           text        NOT NULL,
    time_zone      text        NOT NULL,
    opening_hours  jsonb       NOT NULL DEFAULT '{}',
    calling_policy jsonb       NOT NULL DEFAULT '{}',
    footer         text,
    updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE waiting_room (
    id      text PRIMARY KEY,
    site_id text NOT NULL REFERENCES site (id),
    name    text NOT NULL
);

CREATE TABLE service (
    id                  text PRIMARY KEY,
    site_id             text    NOT NULL REFERENCES site (id),
    parent_id           text REFERENCES service (id),
    kind                text    NOT NULL CHECK (kind IN ('service', 'menu', 'orientation')),
    name                text    NOT NULL,
    translations        jsonb   NOT NULL DEFAULT '{}',
    prefix              text CHECK (prefix ~ '^[A-Z]{1,2}$'),
    room_id             text REFERENCES waiting_room (id),
    target_wait_minutes integer NOT NULL DEFAULT 15 CHECK (target_wait_minutes > 0),
    menu_order          integer NOT NULL DEFAULT 0,
    orientation         jsonb,
    active              boolean NOT NULL DEFAULT true,
    CHECK (kind <> 'service' OR (prefix IS NOT NULL AND room_id IS NOT NULL))
);

CREATE TABLE counter (
    id      text PRIMARY KEY,
    site_id text    NOT NULL REFERENCES site (id),
    room_id text    NOT NULL REFERENCES waiting_room (id),
    name    text    NOT NULL,
    active  boolean NOT NULL DEFAULT true
);

CREATE TABLE counter_service (
    counter_id text    NOT NULL REFERENCES counter (id) ON DELETE CASCADE,
    service_id text    NOT NULL REFERENCES service (id),
    rank       integer NOT NULL,
    PRIMARY KEY (counter_id, service_id)
);

CREATE TABLE agent (
    id            bigserial PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- An agent is scoped to the sites listed here; an admin with no row here administers every site.
CREATE TABLE agent_site (
    agent_id bigint NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    site_id  text   NOT NULL REFERENCES site (id),
    PRIMARY KEY (agent_id, site_id)
);

CREATE TABLE agent_session (
    token_hash bytea PRIMARY KEY,
    agent_id   bigint      NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE TABLE device (
    id           text PRIMARY KEY,
    site_id      text        NOT NULL REFERENCES site (id),
    kind         text        NOT NULL CHECK (kind IN ('kiosk', 'screen', 'counter_screen')),
    name         text        NOT NULL,
    room_id      text REFERENCES waiting_room (id),
    counter_id   text REFERENCES counter (id),
    language     text        NOT NULL DEFAULT 'fr',
    token_hash   bytea UNIQUE,
    revoked_at   timestamptz,
    last_seen_at timestamptz,
    health       jsonb       NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE counter_state (
    counter_id   text PRIMARY KEY REFERENCES counter (id) ON DELETE CASCADE,
    status       text        NOT NULL CHECK (status IN ('CLOSED', 'OPEN', 'PAUSED')),
    agent_id     bigint REFERENCES agent (id),
    since        timestamptz NOT NULL,
    pause_reason text
);

-- At most one open counter per agent.
CREATE UNIQUE INDEX counter_state_one_counter_per_agent ON counter_state (agent_id) WHERE status <> 'CLOSED';

CREATE TABLE counter_event (
    id         bigserial PRIMARY KEY,
    counter_id text        NOT NULL REFERENCES counter (id),
    site_id    text        NOT NULL REFERENCES site (id),
    agent_id   bigint REFERENCES agent (id),
    kind       text        NOT NULL CHECK (kind IN ('OPEN', 'CLOSE', 'PAUSE', 'RESUME')),
    at         timestamptz NOT NULL,
    reason     text
);
CREATE INDEX counter_event_site_at ON counter_event (site_id, at);
CREATE INDEX counter_event_counter_at ON counter_event (counter_id, at);

CREATE TABLE ticket_sequence (
    site_id     text    NOT NULL REFERENCES site (id),
    prefix      text    NOT NULL,
    service_day date    NOT NULL,
    last_value  integer NOT NULL,
    PRIMARY KEY (site_id, prefix, service_day)
);

CREATE TABLE ticket (
    id                bigserial PRIMARY KEY,
    site_id           text        NOT NULL REFERENCES site (id),
    service_id        text        NOT NULL REFERENCES service (id),
    room_id           text        NOT NULL REFERENCES waiting_room (id),
    prefix            text        NOT NULL,
    seq               integer     NOT NULL,
    service_day       date        NOT NULL,
    priority          text        NOT NULL CHECK (priority IN ('NORMAL', 'PRIORITY', 'APPOINTMENT')),
    language          text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('WAITING', 'CALLED', 'SERVING', 'DONE', 'NO_SHOW',
                                                             'CANCELLED', 'TRANSFERRED')),
    status_token      text        NOT NULL,
    arrival_at        timestamptz NOT NULL,
    issued_at         timestamptz NOT NULL,
    first_called_at   timestamptz,
    called_at         timestamptz,
    started_at        timestamptz,
    ended_at          timestamptz,
    counter_id        text REFERENCES counter (id),
    agent_id          bigint REFERENCES agent (id),
    recall_count      integer     NOT NULL DEFAULT 0,
    outcome           text,
    note              text,
    target_counter_id text REFERENCES counter (id),
    transferred_from  bigint REFERENCES ticket (id),
    issuer_device_id  text REFERENCES device (id),
    idempotency_key   text
);

-- A number is taken once per site, prefix and service day; a transferred ticket keeps the visitor's number.
CREATE UNIQUE INDEX ticket_number_unique ON ticket (site_id, prefix, service_day, seq) WHERE transferred_from IS NULL;
CREATE UNIQUE INDEX ticket_idempotency_unique ON ticket (site_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- A counter, and an agent, hold at most one ticket called or in service.
CREATE UNIQUE INDEX ticket_one_active_per_counter ON ticket (counter_id) WHERE status IN ('CALLED', 'SERVING');
CREATE UNIQUE INDEX ticket_one_active_per_agent ON ticket (agent_id) WHERE status IN ('CALLED', 'SERVING');
-- Queues are per service day: a ticket left waiting when a day ends is not called the next day.
CREATE INDEX ticket_waiting ON ticket (site_id, service_id, service_day, arrival_at, id) WHERE status = 'WAITING';
-- Priority, appointment and transferred-to-a-counter tickets: always among a counter's candidates, so found directly.
CREATE INDEX ticket_waiting_front ON ticket (site_id, service_day)
    WHERE status = 'WAITING' AND (priority <> 'NORMAL' OR target_counter_id IS NOT NULL);
CREATE INDEX ticket_status_token ON ticket (status_token);
CREATE INDEX ticket_room_called ON ticket (room_id, called_at DESC) WHERE called_at IS NOT NULL;
CREATE INDEX ticket_site_day ON ticket (site_id, service_day);

CREATE TABLE ticket_event (
    id         bigserial PRIMARY KEY,
    ticket_id  bigint      NOT NULL REFERENCES ticket (id),
    site_id    text        NOT NULL,
    service_id text        NOT NULL,
    kind       text        NOT NULL,
    at         timestamptz NOT NULL,
    counter_id text,
    agent_id   bigint,
    data       jsonb
);
CREATE INDEX ticket_event_ticket ON ticket_event (ticket_id, id);
CREATE INDEX ticket_event_site_at ON ticket_event (site_id, at);
CREATE INDEX ticket_event_calls ON ticket_event (service_id, at) WHERE kind = 'CALL';
