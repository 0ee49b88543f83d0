-- How many tickets wait in each queue (site, service, service day), kept by the database itself whatever statement
-- changes a ticket, so that "people ahead" on issue is one locked row read instead of a count over the queue.
CREATE TABLE queue_length (
    site_id     text    NOT NULL,
    service_id  text    NOT NULL,
    service_day date    NOT NULL,
    waiting     integer NOT NULL CHECK (waiting >= 0),
    PRIMARY KEY (site_id, service_id, service_day)
);

INSERT INTO queue_length (site_id, service_id, service_day, waiting)
SELECT site_id, service_id, service_day, count(*) FROM ticket WHERE status = 'WAITING'
GROUP BY site_id, service_id, service_day;

-- Tickets waiting in the same queue when this one joined it (issue or transfer in): what the visitor was told.
ALTER TABLE ticket ADD COLUMN ahead_on_arrival integer;

CREATE FUNCTION count_waiting() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    now_waiting integer;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'WAITING' THEN
        UPDATE queue_length SET waiting = waiting - 1
        WHERE site_id = OLD.site_id AND service_id = OLD.service_id AND service_day = OLD.service_day;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'WAITING' THEN
        -- The upsert waits for any other transaction changing this queue, so the count is exact in commit order.
        INSERT INTO queue_length AS q (site_id, service_id, service_day, waiting)
        VALUES (NEW.site_id, NEW.service_id, NEW.service_day, 1)
        ON CONFLICT (site_id, service_id, service_day) DO UPDATE SET waiting = q.waiting + 1
        RETURNING waiting INTO now_waiting;
        IF TG_OP = 'INSERT' THEN
            NEW.ahead_on_arrival := now_waiting - 1;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

-- A statement that counts its own tickets in queue_length (issuing a batch: one update per queue rather than one per
-- ticket) says so by filling ahead_on_arrival; every other insert is counted here.
CREATE TRIGGER ticket_counts_waiting_on_insert
    BEFORE INSERT ON ticket
    FOR EACH ROW
    WHEN (NEW.status = 'WAITING' AND NEW.ahead_on_arrival IS NULL)
    EXECUTE FUNCTION count_waiting();

CREATE TRIGGER ticket_counts_waiting_on_change
    BEFORE UPDATE OF status, site_id, service_id, service_day ON ticket
    FOR EACH ROW
    WHEN ((OLD.status = 'WAITING' OR NEW.status = 'WAITING')
          AND (OLD.status, OLD.site_id, OLD.service_id, OLD.service_day)
              IS DISTINCT FROM (NEW.status, NEW.site_id, NEW.service_id, NEW.service_day))
    EXECUTE FUNCTION count_waiting();

CREATE TRIGGER ticket_counts_waiting_on_delete
    BEFORE DELETE ON ticket
    FOR EACH ROW
    WHEN (OLD.status = 'WAITING')
    EXECUTE FUNCTION count_waiting();

-- No query reads tickets by site and day alone (queues, open tickets and statistics have their own indexes); each
-- ticket written paid for this one.
DROP INDEX ticket_site_day;
