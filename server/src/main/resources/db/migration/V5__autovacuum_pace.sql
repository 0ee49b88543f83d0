-- Tickets and their events only grow. Analysing them every time they grow by a tenth (the default) means, on a busy
-- day, an ANALYZE every few seconds, each one costing a burst of CPU and invalidating every cached plan that reads them
-- (seen in QueueBenchmark: the slowest requests of a run all followed an automatic analyze of ticket). Half is enough
-- to keep estimates within a factor of 1.5, and the first analyze of a new table still comes after 50 rows.
ALTER TABLE ticket SET (autovacuum_analyze_scale_factor = 0.5, autovacuum_vacuum_insert_scale_factor = 0.5);
ALTER TABLE ticket_event SET (autovacuum_analyze_scale_factor = 0.5, autovacuum_vacuum_insert_scale_factor = 0.5);
