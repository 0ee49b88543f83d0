-- Tickets taken on a visitor's own phone from the site's public page (issue 13): which phone took each, as a hash of
-- a random key the page keeps in the phone's browser, so that a phone holds one ticket in progress per site at a
-- time. The key names nobody; it goes with its ticket.
CREATE TABLE phone_ticket (
    ticket_id bigint PRIMARY KEY REFERENCES ticket (id) ON DELETE CASCADE,
    site_id   text   NOT NULL,
    phone_key bytea  NOT NULL
);
CREATE INDEX phone_ticket_phone ON phone_ticket (site_id, phone_key);
