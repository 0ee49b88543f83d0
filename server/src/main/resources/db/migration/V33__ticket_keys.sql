-- What identifies a ticket, found by lookups, in a table of its own that is written once.
--
-- Every call, start and finish changes a ticket's status, which the predicates of the queue's indexes read, so no
-- update of ticket is a HOT update: each writes a new entry in every index whose predicate the new row meets. Four of
-- them index what never changes after the issue (the number, the kiosk's request key, the status link's token and,
-- for the retention job, when a still linkable ticket was issued), and were written again at each of those updates:
-- 12 index entries a visit for nothing (9 without a request key). They now index ticket_key, one row per ticket,
-- written with it.
--
-- ticket keeps the status token and the request key it is read with; only the retention job changes them after the
-- issue, in both tables.
CREATE TABLE ticket_key (
    ticket_id       bigint      PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    site_id         text        NOT NULL,
    prefix          text        NOT NULL,
    service_day     date        NOT NULL,
    seq             integer     NOT NULL,
    -- A transferred ticket's successor keeps the visitor's number and status token.
    successor       boolean     NOT NULL,
    status_token    text        NOT NULL,
    idempotency_key text,
    issued_at       timestamptz NOT NULL
);

INSERT INTO ticket_key (ticket_id, site_id, prefix, service_day, seq, successor, status_token, idempotency_key,
                        issued_at)
SELECT id, site_id, prefix, service_day, seq, transferred_from IS NOT NULL, status_token, idempotency_key, issued_at
FROM ticket;

DROP INDEX ticket_number_unique;
DROP INDEX ticket_idempotency_unique;
DROP INDEX ticket_status_token;
DROP INDEX ticket_linkable;

-- A number is taken once per site, prefix and service day.
CREATE UNIQUE INDEX ticket_key_number ON ticket_key (site_id, prefix, service_day, seq) WHERE NOT successor;
CREATE UNIQUE INDEX ticket_key_idempotency ON ticket_key (site_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- A pseudonymised ticket's token is empty: the lookups ask for a token that is not, and find none of those.
CREATE INDEX ticket_key_status_token ON ticket_key (status_token) WHERE status_token <> '';
-- Tickets not yet pseudonymised (the retention job empties their status token), oldest first.
CREATE INDEX ticket_key_linkable ON ticket_key (issued_at) WHERE status_token <> '';

-- Whatever statement inserts tickets (a batch of issues, a transfer, a restore's or a test's own), their keys are
-- written in the same statement, once for all its rows.
CREATE FUNCTION record_ticket_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ticket_key (ticket_id, site_id, prefix, service_day, seq, successor, status_token, idempotency_key,
                            issued_at)
    SELECT id, site_id, prefix, service_day, seq, transferred_from IS NOT NULL, status_token, idempotency_key,
           issued_at
    FROM inserted_tickets;
    RETURN NULL;
END
$$;

CREATE TRIGGER ticket_records_keys
    AFTER INSERT ON ticket
    REFERENCING NEW TABLE AS inserted_tickets
    FOR EACH STATEMENT
    EXECUTE FUNCTION record_ticket_keys();
