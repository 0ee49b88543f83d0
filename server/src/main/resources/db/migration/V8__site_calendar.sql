-- A site's calendar beyond its weekly opening hours: exceptional closures, which public holidays close it and the ones
-- it opens on anyway, and how long before each closing the last ticket is issued. The shape is the site's "calendar"
-- block of the deployment file; an empty object keeps the defaults (French public holidays, no cut-off).
ALTER TABLE site ADD COLUMN calendar jsonb NOT NULL DEFAULT '{}';
