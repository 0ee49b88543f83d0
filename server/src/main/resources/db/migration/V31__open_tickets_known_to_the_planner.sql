-- The statistics read today's open tickets through ticket_fact_source, and PostgreSQL plans that read from what it
-- believes of them. On a server with months of tickets it believed there were none, for two reasons:
--
-- 1. V5 has ticket analysed once half its rows have changed: not once in a day when the table holds months. The
--    statistics are those of a night when no ticket was open.
-- 2. Even analysed, an open ticket never called is "ended_at IS NULL AND first_called_at IS NULL", and the planner
--    multiplies the two columns' fractions as if unrelated: 2.5 % of the table open, it expects 2.5 % of 2.5 %, a
--    fortieth of the truth. Statistics on the two columns together count that pair as it is.
--
-- Seen in the network day over 10 earlier days (NetworkDayBenchmark --history-days 10, --speed 80), a third of the way
-- through the day, 16,600 tickets open: expected 1 (313 once analysed), so each open ticket's site and service were
-- looked up one at a time; the network's overview ran in 930 ms, 935 once analysed, 441 with both changes, when the
-- planner expected 18,971 for 18,231 and joined sites and services by hashing. By site: 1,208, 1,050 and 612 ms.
--
-- After a fixed number of changed rows rather than a fraction: about fifteen analyses in a 60,000-ticket network day
-- (a ticket's life changes four or five rows), each reading a sample of 30,000 rows however large the table.
CREATE STATISTICS ticket_open_state (mcv) ON ended_at, first_called_at FROM ticket;
ALTER TABLE ticket SET (autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 20000);
