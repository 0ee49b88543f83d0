-- A ticket must not arrive before one numbered before it: the queue calls by arrival, the visitor reads numbers.
-- Each request reads the clock when it comes in, but numbers are taken in the order requests reach the database:
-- a request that read the clock a millisecond earlier on another event loop, or on another node whose clock is a
-- little behind, can be numbered after one that read it later. Seen in the demo: two tickets asked for at once at
-- one kiosk, A002 read the clock 1.3 ms before A001, and the counter called A002 first.
--
-- The sequence row that hands out a prefix's numbers now keeps the latest arrival it has numbered, and a batch's
-- tickets are stamped no earlier than it (nor than the tickets before them in the batch): an arrival is raised by
-- as much as the requests were out of order, a millisecond or two on one node, the clocks' difference across nodes.
-- arrival_floor is that latest arrival as it stood before the last batch: the statement that takes the row lock
-- reads it back from its own update (PostgreSQL before 18 returns only the new row).
ALTER TABLE ticket_sequence ADD COLUMN last_arrival_at timestamptz, ADD COLUMN arrival_floor timestamptz;

-- Only today's sequences can still number a ticket (a day behind or ahead for sites in other zones).
UPDATE ticket_sequence s SET last_arrival_at = (
    SELECT max(t.arrival_at) FROM ticket t
    WHERE t.site_id = s.site_id AND t.prefix = s.prefix AND t.service_day = s.service_day
      AND t.transferred_from IS NULL)
WHERE s.service_day >= CURRENT_DATE - 1;
