-- ticket_open_by_site (site_id) WHERE status IN ('WAITING', 'CALLED', 'SERVING') also matched every query for waiting
-- tickets. Once months of ended tickets are analysed, the planner believes almost no ticket is open, so it read a
-- day's queues through that index, filtering every open ticket of the site for each queue (QueueBenchmark with a
-- history of 300,000 tickets: the waiting-room summary took 170 ms instead of 0.4, call-next 4.6 s). Open tickets
-- are now found by ended_at, which queries for waiting tickets never mention, so they keep to ticket_waiting.

-- Every transition that ends a ticket sets ended_at; this keeps "open" and "not ended" the same thing.
UPDATE ticket t SET ended_at = coalesce((SELECT max(e.at) FROM ticket_event e WHERE e.ticket_id = t.id), t.issued_at)
WHERE t.ended_at IS NULL AND t.status NOT IN ('WAITING', 'CALLED', 'SERVING');
ALTER TABLE ticket ADD CONSTRAINT ticket_ended_iff_closed
    CHECK ((ended_at IS NULL) = (status IN ('WAITING', 'CALLED', 'SERVING')));

DROP INDEX ticket_open_by_site;
CREATE INDEX ticket_not_ended_by_site ON ticket (site_id) WHERE ended_at IS NULL;

-- The statistics read open tickets through this view; "open" now says what the index above can find.
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
       t.ended_at IS NULL                                                             AS open
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
