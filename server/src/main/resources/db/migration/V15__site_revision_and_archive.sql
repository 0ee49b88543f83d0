-- A site's revision counts the applies that changed it: an export carries it, and an import made from an older export
-- is refused rather than silently undoing what another administrator applied meanwhile. A site is archived rather
-- than deleted (its tickets and statistics stay): it issues no more tickets.
ALTER TABLE site ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE site ADD COLUMN active boolean NOT NULL DEFAULT true;
