-- A site template: a site's rooms, services and menu, counters, devices, hours and calendar, without what is the
-- site's own (id, name, address, time zone). Sites made from one name it, so that a change to the template can be
-- pushed to them.
CREATE TABLE site_template (
    id         text PRIMARY KEY,
    name       text        NOT NULL,
    body       jsonb       NOT NULL,
    version    integer     NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL
);

ALTER TABLE site ADD COLUMN template_id text REFERENCES site_template (id);
CREATE INDEX site_template_id ON site (template_id) WHERE template_id IS NOT NULL;
