-- What visitors thought of their visit (issue 17): one answer per served ticket, five faces and an optional comment,
-- from the counter-top screen facing them or from their ticket's page. Anonymous: the ticket names nobody, and no
-- answer records who gave it. Where and when the visit was (site, service, counter, local day and hour of its end)
-- are copied so that figures are read without the ticket. The comment is free text: the retention erases it with
-- the notes; the answer goes with its ticket.
CREATE TABLE satisfaction (
    ticket_id   bigint      PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    site_id     text        NOT NULL,
    service_id  text        NOT NULL,
    counter_id  text,
    local_day   date        NOT NULL,
    local_hour  smallint    NOT NULL,
    score       smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     text,
    channel     text        NOT NULL CHECK (channel IN ('counter_screen', 'visitor_page')),
    answered_at timestamptz NOT NULL
);
CREATE INDEX satisfaction_site_day ON satisfaction (site_id, local_day);
CREATE INDEX satisfaction_comment ON satisfaction (answered_at) WHERE comment IS NOT NULL;
