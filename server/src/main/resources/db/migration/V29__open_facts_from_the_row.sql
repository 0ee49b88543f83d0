-- Statistics read the tickets still open through ticket_fact_source, which derived each one's times from its events:
-- an aggregate over the ticket's events for every open ticket. On a Monday morning most open tickets are waiting
-- and were never called (13,500 of 27,000 tickets a third of the way through a 250-site network day), and their
-- events say nothing the ticket row does not: one ISSUE (or TRANSFER_IN) at issued_at, no call, no end. Of a
-- network-wide query's 318 ms at that moment, 254 went on the open tickets, 145 of them aggregating their events.
--
-- The view now reads those tickets from the row and every other ticket from its events as before; its columns, and
-- what they hold for every ticket, are unchanged (FactSourceTest compares it with the events' definition of V21).
-- The row says the same as the events because every statement that writes a ticket keeps them together: issuing
-- and transferring insert the ISSUE or TRANSFER_IN event at issued_at, every call sets first_called_at, and an
-- ended ticket (ended_at set) goes through the events' branch.

CREATE OR REPLACE VIEW ticket_fact_source AS
SELECT t.id                                                                          AS ticket_id,
       t.site_id,
       t.room_id,
       t.service_id,
       NULL::text                                                                    AS counter_id,
       NULL::bigint                                                                  AS agent_id,
       t.priority,
       CASE WHEN t.transferred_from IS NOT NULL THEN 'TRANSFER_IN' ELSE 'ISSUE' END    AS origin,
       NULL::text                                                                    AS outcome,
       t.issued_at                                                                   AS queued_at,
       NULL::timestamptz                                                             AS ended_at,
       (t.issued_at AT TIME ZONE s.time_zone)::date                                  AS local_day,
       extract(hour FROM t.issued_at AT TIME ZONE s.time_zone)::smallint             AS local_hour,
       extract(isodow FROM t.issued_at AT TIME ZONE s.time_zone)::smallint           AS local_dow,
       NULL::integer                                                                 AS wait_s,
       NULL::integer                                                                 AS walk_s,
       NULL::integer                                                                 AS service_s,
       NULL::integer                                                                 AS total_s,
       sv.target_wait_minutes * 60                                                   AS target_s,
       0::smallint                                                                   AS recalls,
       0::smallint                                                                   AS requeues,
       true                                                                          AS open,
       NULL::text                                                                    AS outcome_id,
       NULL::text                                                                    AS oriented_to
FROM ticket t
JOIN site s ON s.id = t.site_id
JOIN service sv ON sv.id = t.service_id
WHERE t.ended_at IS NULL AND t.first_called_at IS NULL
UNION ALL
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
) h
WHERE t.ended_at IS NOT NULL OR t.first_called_at IS NOT NULL;
