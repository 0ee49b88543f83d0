-- Data retention (RetentionStore, docs/privacy.md): what the daily retention job looks for, found without reading
-- the whole history.
-- Tickets, events and counter events still holding an agent's free text (notes, outcomes, pause reasons): few at any
-- time, as they are erased.
CREATE INDEX ticket_free_text ON ticket (coalesce(ended_at, issued_at)) WHERE note IS NOT NULL OR outcome IS NOT NULL;
CREATE INDEX ticket_event_free_text ON ticket_event (at) WHERE data ? 'note' OR data ? 'outcome';
CREATE INDEX counter_event_reason ON counter_event (at) WHERE reason IS NOT NULL;
-- Tickets not yet pseudonymised (the job empties their status token), oldest first.
CREATE INDEX ticket_linkable ON ticket (issued_at) WHERE status_token <> '';
-- Tickets to delete by age: rows are written in time order, so a block-range index is a few pages and costs the
-- issuing path next to nothing.
CREATE INDEX ticket_issued_brin ON ticket USING brin (issued_at);
-- A transferred ticket is deleted only with its successor (few rows: successors only).
CREATE INDEX ticket_transferred_from ON ticket (transferred_from) WHERE transferred_from IS NOT NULL;
CREATE INDEX agent_session_expires ON agent_session (expires_at);
