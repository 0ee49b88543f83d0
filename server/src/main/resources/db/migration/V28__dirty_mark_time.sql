-- When each mark was made. The periodic rollup job leaves a (site, day) that is still receiving facts for later:
-- statistics read a dirty day from its facts anyway, and a busy day rebuilt every 30 s was dirty again within seconds,
-- each rebuild a pass over the whole day's facts (measured: 1.15 s of PostgreSQL per run late in a 250-site day).
ALTER TABLE stats_dirty_log ADD COLUMN marked_at timestamptz NOT NULL DEFAULT now();
