-- Training mode (issue 17): a site's training copy is a site of its own (key 'formation:<site>'), with the same rooms,
-- services and counters under keys of their own, always open, where agents practise on simulated visitors. Its
-- tickets are real rows (the queues, calls and screens work as they do), but never become statistics: no fact is
-- recorded for them, so no rollup, export, open data or published indicator can count them.
ALTER TABLE site ADD COLUMN training_of text UNIQUE REFERENCES site (id);
ALTER TABLE site ADD CONSTRAINT site_training_key CHECK (training_of IS NULL OR id = 'formation:' || training_of);

-- Visitors arriving at a training copy at a chosen rate, until a time; issued by the cluster's jobs, once.
CREATE TABLE training_simulation (
    site_id    text        PRIMARY KEY REFERENCES site (id),
    per_hour   integer     NOT NULL CHECK (per_hour BETWEEN 1 AND 600),
    started_at timestamptz NOT NULL,
    until      timestamptz NOT NULL,
    last_at    timestamptz NOT NULL,
    issued     integer     NOT NULL DEFAULT 0,
    started_by bigint      REFERENCES agent (id) ON DELETE SET NULL
);

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
    FROM ticket_fact_source f
    WHERE f.ticket_id = NEW.ticket_id
      AND NOT EXISTS (SELECT 1 FROM site s WHERE s.id = f.site_id AND s.training_of IS NOT NULL)
    ON CONFLICT (ticket_id) DO NOTHING
    RETURNING site_id, local_day INTO fact_site, fact_day;
    IF fact_site IS NOT NULL THEN
        INSERT INTO stats_dirty_log (site_id, local_day) VALUES (fact_site, fact_day);
    END IF;
    RETURN NULL;
END
$$;
