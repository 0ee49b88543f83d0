-- A site's texts in the visitors' other languages: {"en": {"footer": "…"}, "es": …}. The footer is written in French;
-- a ticket in another language prints its translation, or no footer at all rather than a French one.
ALTER TABLE site ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'::jsonb;
