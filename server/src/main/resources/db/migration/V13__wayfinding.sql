-- Where things are: a site's postal address, and for each waiting room its building, floor and the directions to it,
-- with their translations ({"en": {"name": …, "directions": …}, …}); a room may also have a plan (an image).
ALTER TABLE site ADD COLUMN address text;

ALTER TABLE waiting_room ADD COLUMN building text;
ALTER TABLE waiting_room ADD COLUMN floor text;
ALTER TABLE waiting_room ADD COLUMN directions text;
ALTER TABLE waiting_room ADD COLUMN translations jsonb NOT NULL DEFAULT '{}';

CREATE TABLE room_plan (
    room_id    text PRIMARY KEY REFERENCES waiting_room (id),
    media_type text        NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg')),
    image      bytea       NOT NULL,
    updated_at timestamptz NOT NULL
);
