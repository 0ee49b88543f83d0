-- Rooms, services, counters and devices are declared by a code unique within their site, so that two sites can both
-- have a service "info". The id stays each one's key in the whole network (tickets, events, statistics and the API
-- keep using it); an entity made before this migration keeps its id as its code, so nothing stored changes. A new one
-- gets its code as id when that is free, else "site:code" (see EntityKeys).
ALTER TABLE waiting_room ADD COLUMN code text;
UPDATE waiting_room SET code = id;
ALTER TABLE waiting_room ALTER COLUMN code SET NOT NULL;
ALTER TABLE waiting_room ADD CONSTRAINT waiting_room_site_code UNIQUE (site_id, code);

ALTER TABLE service ADD COLUMN code text;
UPDATE service SET code = id;
ALTER TABLE service ALTER COLUMN code SET NOT NULL;
ALTER TABLE service ADD CONSTRAINT service_site_code UNIQUE (site_id, code);

ALTER TABLE counter ADD COLUMN code text;
UPDATE counter SET code = id;
ALTER TABLE counter ALTER COLUMN code SET NOT NULL;
ALTER TABLE counter ADD CONSTRAINT counter_site_code UNIQUE (site_id, code);

ALTER TABLE device ADD COLUMN code text;
UPDATE device SET code = id;
ALTER TABLE device ALTER COLUMN code SET NOT NULL;
ALTER TABLE device ADD CONSTRAINT device_site_code UNIQUE (site_id, code);
