-- Who made a counter change: agent_id stays the agent holding the counter (occupancy is theirs); acted_by is whoever
-- made the change, that agent or a supervisor or administrator acting for them. Rows written before this version
-- recorded only the holder: their acted_by stays NULL (unknown).
ALTER TABLE counter_event ADD COLUMN acted_by bigint REFERENCES agent (id);
