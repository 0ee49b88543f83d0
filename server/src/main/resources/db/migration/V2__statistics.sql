-- Guichet schema, version 2: statistics.
--
-- Statistics are derived from the event history only (ticket_event, counter_event), in two layers:
--
-- 1. ticket_fact: one row per ENDED ticket (DONE, NO_SHOW, CANCELLED, TRANSFERRED), with its times already derived
--    from its events. It is written by a trigger on ticket_event, in the same statement (and so the same transaction)
--    as the ticket's final event, by the view ticket_fact_source, which is the one definition of how events become
--    times (also used for the backfill below and, in queries, for tickets still open). The table is append-only: an
--    ended ticket never changes again. Queries on one site, or a few, read it through (site_id, local_day).
--
-- 2. stats_rollup: per site and day ('D') and per site and month ('M'), the sums, counts and duration histograms of
--    those facts, so that a year of a whole network is a few thousand rows instead of millions. A rollup row is never
--    incremented: it is recomputed from ticket_fact by the server (StatsRollups) for every (site, day) marked in
--    stats_dirty, and the trigger marks a (site, day) dirty whenever a fact is added to it. Readers use the rollup
--    only for clean (site, day) pairs and read the facts of dirty ones, so answers are always complete and identical
--    to reading the facts, whatever the rebuild lag.
--
-- Definitions (documented in server/STATISTICS.md):
--   queued   = ISSUE (or TRANSFER_IN for the successor of a transferred ticket: its wait starts when it joined its
--              new queue, so a visitor's first wait is not counted twice)
--   wait     = first CALL - queued          walk    = START - last CALL
--   service  = FINISH (or TRANSFER while being served) - START
--   local_day, local_hour, local_dow (ISO, 1 = Monday) = the queued instant in the site's time zone.
--   target_s = the service's target when the ticket ended (later target changes do not rewrite history).
--   counter_id, agent_id = those of the ticket's last CALL (who dealt with the visitor).

CREATE VIEW ticket_fact_source AS
SELECT t.id                                                                          AS ticket_id,
       t.site_id,
       t.room_id,
       t.service_id,
       h.counter_id,
       h.agent_id,
       t.priority,
       CASE WHEN h.transferred_in THEN 'TRANSFER_IN' ELSE 'ISSUE' END                 AS origin,
       CASE h.final_kind WHEN 'FINISH' THEN 'DONE' WHEN 'NO_SHOW' THEN 'NO_SHOW'
                         WHEN 'CANCEL' THEN 'CANCELLED' WHEN 'TRANSFER' THEN 'TRANSFERRED' END AS outcome,
       coalesce(h.queued_at, t.issued_at)                                             AS queued_at,
       h.ended_at,
       (coalesce(h.queued_at, t.issued_at) AT TIME ZONE s.time_zone)::date            AS local_day,
       extract(hour FROM coalesce(h.queued_at, t.issued_at) AT TIME ZONE s.time_zone)::smallint AS local_hour,
       extract(isodow FROM coalesce(h.queued_at, t.issued_at) AT TIME ZONE s.time_zone)::smallint AS local_dow,
       round(extract(epoch FROM h.first_call_at - coalesce(h.queued_at, t.issued_at)))::integer AS wait_s,
       round(extract(epoch FROM h.started_at - h.last_call_at))::integer              AS walk_s,
       CASE WHEN h.final_kind IN ('FINISH', 'TRANSFER')
            THEN round(extract(epoch FROM h.ended_at - h.started_at))::integer END    AS service_s,
       round(extract(epoch FROM h.ended_at - coalesce(h.queued_at, t.issued_at)))::integer AS total_s,
       sv.target_wait_minutes * 60                                                    AS target_s,
       h.recalls::smallint                                                            AS recalls,
       h.requeues::smallint                                                           AS requeues,
       t.status IN ('WAITING', 'CALLED', 'SERVING')                                   AS open
FROM ticket t
JOIN site s ON s.id = t.site_id
JOIN service sv ON sv.id = t.service_id
CROSS JOIN LATERAL (
    SELECT min(e.at) FILTER (WHERE e.kind IN ('ISSUE', 'TRANSFER_IN'))                        AS queued_at,
           coalesce(bool_or(e.kind = 'TRANSFER_IN'), false)                                  AS transferred_in,
           min(e.at) FILTER (WHERE e.kind = 'CALL')                                          AS first_call_at,
           max(e.at) FILTER (WHERE e.kind = 'CALL')                                          AS last_call_at,
           min(e.at) FILTER (WHERE e.kind = 'START')                                         AS started_at,
           max(e.at) FILTER (WHERE e.kind IN ('FINISH', 'NO_SHOW', 'CANCEL', 'TRANSFER'))    AS ended_at,
           (array_agg(e.kind ORDER BY e.id DESC)
               FILTER (WHERE e.kind IN ('FINISH', 'NO_SHOW', 'CANCEL', 'TRANSFER')))[1]      AS final_kind,
           (array_agg(e.counter_id ORDER BY e.id DESC) FILTER (WHERE e.kind = 'CALL'))[1]    AS counter_id,
           (array_agg(e.agent_id ORDER BY e.id DESC) FILTER (WHERE e.kind = 'CALL'))[1]      AS agent_id,
           count(*) FILTER (WHERE e.kind = 'RECALL')                                         AS recalls,
           count(*) FILTER (WHERE e.kind = 'REQUEUE')                                        AS requeues
    FROM ticket_event e
    WHERE e.ticket_id = t.id
) h;

CREATE TABLE ticket_fact (
    ticket_id  bigint PRIMARY KEY REFERENCES ticket (id),
    site_id    text        NOT NULL,
    room_id    text        NOT NULL,
    service_id text        NOT NULL,
    counter_id text,
    agent_id   bigint,
    priority   text        NOT NULL,
    origin     text        NOT NULL CHECK (origin IN ('ISSUE', 'TRANSFER_IN')),
    outcome    text        NOT NULL CHECK (outcome IN ('DONE', 'NO_SHOW', 'CANCELLED', 'TRANSFERRED')),
    queued_at  timestamptz NOT NULL,
    ended_at   timestamptz NOT NULL,
    local_day  date        NOT NULL,
    local_hour smallint    NOT NULL,
    local_dow  smallint    NOT NULL,
    wait_s     integer,
    walk_s     integer,
    service_s  integer,
    total_s    integer,
    target_s   integer     NOT NULL,
    recalls    smallint    NOT NULL,
    requeues   smallint    NOT NULL
);
-- Every statistics query filters by sites and a range of local days.
CREATE INDEX ticket_fact_site_day ON ticket_fact (site_id, local_day);

-- Tickets not ended yet (few at any time) are read through the view for live figures.
CREATE INDEX ticket_open_by_site ON ticket (site_id) WHERE status IN ('WAITING', 'CALLED', 'SERVING');
-- Occupancy reads what happened at given counters over a period.
CREATE INDEX ticket_event_counter_at ON ticket_event (counter_id, at) WHERE counter_id IS NOT NULL;

-- (site, local day) pairs whose facts changed since their rollup was computed; version detects a change made while
-- the rollup was being rebuilt (the mark is then kept).
CREATE TABLE stats_dirty (
    site_id   text        NOT NULL,
    local_day date        NOT NULL,
    version   bigint      NOT NULL DEFAULT 1,
    marked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (site_id, local_day)
);

CREATE FUNCTION record_ticket_fact() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    fact_site text;
    fact_day  date;
BEGIN
    INSERT INTO ticket_fact (ticket_id, site_id, room_id, service_id, counter_id, agent_id, priority, origin, outcome,
                             queued_at, ended_at, local_day, local_hour, local_dow, wait_s, walk_s, service_s,
                             total_s, target_s, recalls, requeues)
    SELECT ticket_id, site_id, room_id, service_id, counter_id, agent_id, priority, origin, outcome,
           queued_at, ended_at, local_day, local_hour, local_dow, wait_s, walk_s, service_s,
           total_s, target_s, recalls, requeues
    FROM ticket_fact_source
    WHERE ticket_id = NEW.ticket_id
    ON CONFLICT (ticket_id) DO NOTHING
    RETURNING site_id, local_day INTO fact_site, fact_day;
    IF fact_site IS NOT NULL THEN
        INSERT INTO stats_dirty (site_id, local_day) VALUES (fact_site, fact_day)
        ON CONFLICT (site_id, local_day) DO UPDATE SET version = stats_dirty.version + 1, marked_at = now();
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ticket_event_records_fact
    AFTER INSERT ON ticket_event
    FOR EACH ROW
    WHEN (NEW.kind IN ('FINISH', 'NO_SHOW', 'CANCEL', 'TRANSFER'))
    EXECUTE FUNCTION record_ticket_fact();

-- Rollups. Histogram columns count durations per bucket (the bucket edges are in RollupColumns.java):
--   wait and service: b0 = 0 s, b1..b60 = one minute each up to 60 min, b61..b84 = five minutes each up to 3 h,
--   b85 = more than 3 h (w0..w85, v0..v85); walk: 0 s, 15 s steps up to 5 min, 1 min steps up to 15 min, more
--   (k0..k31). Hour and weekday columns: arrivals (ISSUE), called tickets and their summed wait, by the local
--   hour (0..23) and ISO weekday (1..7) they joined the queue.
CREATE TABLE stats_rollup (
    grain        text        NOT NULL CHECK (grain IN ('D', 'M')),
    site_id      text        NOT NULL,
    period_start date        NOT NULL,
    built_at     timestamptz NOT NULL DEFAULT now(),
    issued          integer NOT NULL DEFAULT 0,
    transferred_in  integer NOT NULL DEFAULT 0,
    served          integer NOT NULL DEFAULT 0,
    no_show         integer NOT NULL DEFAULT 0,
    cancelled       integer NOT NULL DEFAULT 0,
    transferred     integer NOT NULL DEFAULT 0,
    in_progress     integer NOT NULL DEFAULT 0,
    wait_n          integer NOT NULL DEFAULT 0,
    wait_sum        bigint  NOT NULL DEFAULT 0,
    wait_max        integer,
    wait_within     integer NOT NULL DEFAULT 0,
    walk_n          integer NOT NULL DEFAULT 0,
    walk_sum        bigint  NOT NULL DEFAULT 0,
    walk_max        integer,
    service_n       integer NOT NULL DEFAULT 0,
    service_sum     bigint  NOT NULL DEFAULT 0,
    service_max     integer,
    PRIMARY KEY (grain, site_id, period_start)
);

DO $$
BEGIN
    FOR i IN 0..85 LOOP
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I integer NOT NULL DEFAULT 0', 'w' || i);
    END LOOP;
    FOR i IN 0..31 LOOP
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I integer NOT NULL DEFAULT 0', 'k' || i);
    END LOOP;
    FOR i IN 0..85 LOOP
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I integer NOT NULL DEFAULT 0', 'v' || i);
    END LOOP;
    FOR i IN 0..23 LOOP
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I integer NOT NULL DEFAULT 0', 'ha' || i);
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I integer NOT NULL DEFAULT 0', 'hn' || i);
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I bigint NOT NULL DEFAULT 0', 'hs' || i);
    END LOOP;
    FOR i IN 1..7 LOOP
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I integer NOT NULL DEFAULT 0', 'da' || i);
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I integer NOT NULL DEFAULT 0', 'dn' || i);
        EXECUTE format('ALTER TABLE stats_rollup ADD COLUMN %I bigint NOT NULL DEFAULT 0', 'ds' || i);
    END LOOP;
END
$$;

-- Tickets that ended before this version: their facts, and every (site, day) they touch marked for rollup.
INSERT INTO ticket_fact (ticket_id, site_id, room_id, service_id, counter_id, agent_id, priority, origin, outcome,
                         queued_at, ended_at, local_day, local_hour, local_dow, wait_s, walk_s, service_s,
                         total_s, target_s, recalls, requeues)
SELECT ticket_id, site_id, room_id, service_id, counter_id, agent_id, priority, origin, outcome,
       queued_at, ended_at, local_day, local_hour, local_dow, wait_s, walk_s, service_s,
       total_s, target_s, recalls, requeues
FROM ticket_fact_source
WHERE outcome IS NOT NULL;

INSERT INTO stats_dirty (site_id, local_day)
SELECT DISTINCT site_id, local_day FROM ticket_fact;
