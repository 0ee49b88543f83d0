-- The fact of a ticket is recorded when it ends (record_ticket_fact, after its FINISH, NO_SHOW, CANCEL or TRANSFER
-- event), by reading ticket_fact_source for that ticket. Since V29 that view has a branch for open tickets never
-- called (ended_at IS NULL), and the planner may read it through ticket_not_ended_by_site, whose predicate it matches:
-- once months of ended tickets are analysed, the planner believes that index nearly empty and cheaper than the
-- primary key. Ending one ticket then read every open ticket of the network (QueueBenchmark, about 60,000 open tickets
-- over a 200,000-ticket history: 19 to 44 ms of PostgreSQL per call-next cycle instead of about 4).
--
-- A ticket that ends is no longer open, so the trigger asks for the ended ticket's facts; "NOT open" is constant
-- false in the open tickets' branch, which the planner then drops without reading anything.

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
    WHERE ticket_id = NEW.ticket_id AND NOT open
    ON CONFLICT (ticket_id) DO NOTHING
    RETURNING site_id, local_day INTO fact_site, fact_day;
    IF fact_site IS NOT NULL THEN
        INSERT INTO stats_dirty_log (site_id, local_day) VALUES (fact_site, fact_day);
    END IF;
    RETURN NULL;
END
$$;
