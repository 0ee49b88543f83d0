-- What came of each visit, as codes that statistics can count, and the partners visitors are oriented to (issue 17).
--
-- A service lists the outcomes its agents pick from in one tap before finishing ("dossier complet", "pièce
-- manquante"); the agent may also orient the visitor to a partner of the network-wide directory (the CAF, a commune,
-- the prefecture). Both are recorded as codes in the FINISH event's data (outcomeId, orientedTo): they name no person,
-- so the retention that erases notes and free-text outcomes keeps them, and the facts count them.

ALTER TABLE service ADD COLUMN outcomes jsonb NOT NULL DEFAULT '[]';

-- Shared by every site, maintained by administrators. An entry is never deleted, only made inactive: past
-- orientations keep naming it.
CREATE TABLE orientation_partner (
    id         text        PRIMARY KEY,
    name       text        NOT NULL,
    kind       text        NOT NULL,
    address    text,
    hours      text,
    phone      text,
    web        text,
    keywords   text[]      NOT NULL DEFAULT '{}',
    active     boolean     NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE ticket_fact ADD COLUMN outcome_id text, ADD COLUMN oriented_to text;

-- The view gains the two codes, read from the ticket's last FINISH (new columns go last, as CREATE OR REPLACE needs).
CREATE OR REPLACE VIEW ticket_fact_source AS
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
       t.ended_at IS NULL                                                             AS open,
       h.outcome_id,
       h.oriented_to
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
           count(*) FILTER (WHERE e.kind = 'REQUEUE')                                        AS requeues,
           (array_agg(e.data ->> 'outcomeId' ORDER BY e.id DESC) FILTER (WHERE e.kind = 'FINISH'))[1]  AS outcome_id,
           (array_agg(e.data ->> 'orientedTo' ORDER BY e.id DESC) FILTER (WHERE e.kind = 'FINISH'))[1] AS oriented_to
    FROM ticket_event e
    WHERE e.ticket_id = t.id
) h;

CREATE OR REPLACE FUNCTION record_ticket_fact() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    fact_site text;
    fact_day  date;
BEGIN
    INSERT INTO ticket_fact (ticket_id, site_id, room_id, service_id, counter_id, agent_id, priority, origin, outcome,
                             queued_at, ended_at, local_day, local_hour, local_dow, wait_s, walk_s, service_s,
                             total_s, target_s, recalls, requeues, outcome_id, oriented_to)
    SELECT ticket_id, site_id, room_id, service_id, counter_id, agent_id, priority, origin, outcome,
           queued_at, ended_at, local_day, local_hour, local_dow, wait_s, walk_s, service_s,
           total_s, target_s, recalls, requeues, outcome_id, oriented_to
    FROM ticket_fact_source
    WHERE ticket_id = NEW.ticket_id
    ON CONFLICT (ticket_id) DO NOTHING
    RETURNING site_id, local_day INTO fact_site, fact_day;
    IF fact_site IS NOT NULL THEN
        INSERT INTO stats_dirty_log (site_id, local_day) VALUES (fact_site, fact_day);
    END IF;
    RETURN NULL;
END
$$;
