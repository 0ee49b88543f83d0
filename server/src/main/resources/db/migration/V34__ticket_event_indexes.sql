-- Fewer index entries for each event written. A visit writes four events (issue, call, start, finish), each of
-- which went into five indexes: the primary key, the ticket's events, the site's by time, the counter's by time
-- (not the issue) and the service's calls (the call only): 16 entries a visit.
--
-- The ticket's events and the primary key become one index: an event is found by its ticket, and every statement
-- that names an event names its ticket too. The site's and the counter's events by time become one index of the
-- events someone acted on at a counter (an issue from a kiosk or a transfer's arrival are neither): what the
-- training figures, an agent's day and the occupancy statistics read, each for one site. 8 entries a visit.
ALTER TABLE ticket_event DROP CONSTRAINT ticket_event_pkey;
DROP INDEX ticket_event_ticket;
ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_pkey PRIMARY KEY (ticket_id, id);

DROP INDEX ticket_event_site_at;
DROP INDEX ticket_event_counter_at;
CREATE INDEX ticket_event_acted ON ticket_event (site_id, at) WHERE counter_id IS NOT NULL OR agent_id IS NOT NULL;
