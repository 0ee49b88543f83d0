-- Training mode (issue 17): a site's training copy is a site of its own (key 'formation:<site>'), with the same rooms,
-- services and counters under keys of their own, always open, where agents practise on simulated visitors. Its
-- tickets are real rows (the queues, calls and screens work as they do), but never become statistics: no fact is
-- recorded for them, so no rollup, export, open data or published indicator can count them: the trigger that records
-- facts does not even run for them (a copy's key starts with 'formation:', which the CHECK below ties to training_of).
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

DROP TRIGGER ticket_event_records_fact ON ticket_event;
CREATE TRIGGER ticket_event_records_fact
    AFTER INSERT ON ticket_event
    FOR EACH ROW
    WHEN (NEW.kind IN ('FINISH', 'NO_SHOW', 'CANCEL', 'TRANSFER') AND NEW.site_id NOT LIKE 'formation:%')
    EXECUTE FUNCTION record_ticket_fact();
