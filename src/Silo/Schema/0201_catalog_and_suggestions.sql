-- Catalog allowlists (SPEC §3), tool ↔ profession/category links, and suggestions with their decision
-- history (SPEC §4). Slugs are stable keys; labels may change. The tool and suggestion grains are the
-- only writers of tool_professions, tool_categories, suggestions and suggestion_events.

CREATE TABLE IF NOT EXISTS professions (
    slug     varchar(60)  PRIMARY KEY,
    label    varchar(120) NOT NULL,
    position integer      NOT NULL
);

CREATE TABLE IF NOT EXISTS categories (
    slug  varchar(60)  PRIMARY KEY,
    label varchar(120) NOT NULL
);

-- Categories are ordered per profession.
CREATE TABLE IF NOT EXISTS profession_categories (
    profession_slug varchar(60) NOT NULL REFERENCES professions (slug),
    category_slug   varchar(60) NOT NULL REFERENCES categories (slug),
    position        integer     NOT NULL,
    PRIMARY KEY (profession_slug, category_slug)
);

INSERT INTO professions (slug, label, position) VALUES
    ('larare', 'Lärare', 1),
    ('specialpedagog', 'Specialpedagog', 2),
    ('skoladministrator', 'Skoladministratör', 3),
    ('rektor', 'Rektor', 4),
    ('gemensamt', 'Gemensamt', 5)
ON CONFLICT (slug) DO NOTHING;

INSERT INTO categories (slug, label) VALUES
    ('lektionsplanering', 'Lektionsplanering'),
    ('mentorskap', 'Mentorskap'),
    ('administration', 'Administration'),
    ('ovrigt', 'Övrigt')
ON CONFLICT (slug) DO NOTHING;

INSERT INTO profession_categories (profession_slug, category_slug, position)
SELECT p.slug, c.slug, c.position
FROM professions p
CROSS JOIN (VALUES ('lektionsplanering', 1), ('mentorskap', 2), ('administration', 3), ('ovrigt', 4)) AS c (slug, position)
ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS tool_professions (
    tool_id         uuid        NOT NULL REFERENCES tools (id),
    profession_slug varchar(60) NOT NULL REFERENCES professions (slug),
    PRIMARY KEY (tool_id, profession_slug)
);

CREATE TABLE IF NOT EXISTS tool_categories (
    tool_id       uuid        NOT NULL REFERENCES tools (id),
    category_slug varchar(60) NOT NULL REFERENCES categories (slug),
    PRIMARY KEY (tool_id, category_slug)
);

CREATE INDEX IF NOT EXISTS tools_search ON tools (lower(title));

CREATE TABLE IF NOT EXISTS suggestions (
    id           uuid         PRIMARY KEY,
    title        varchar(200) NOT NULL,
    description  text         NOT NULL,
    professions  text[]       NOT NULL,
    categories   text[]       NOT NULL,
    status       varchar(20)  NOT NULL CHECK (status IN ('pending', 'accepted', 'denied')),
    submitted_by uuid         NOT NULL,
    submitted_at timestamptz  NOT NULL,
    decided_by   uuid,
    decided_at   timestamptz,
    decision     varchar(20)  CHECK (decision IN ('accept', 'modify', 'deny')),
    rationale    text,
    tool_id      uuid
);

CREATE INDEX IF NOT EXISTS suggestions_queue ON suggestions (status, submitted_at);
CREATE INDEX IF NOT EXISTS suggestions_by_submitter ON suggestions (submitted_by, submitted_at DESC);

-- The decision history of each suggestion (submitted, accepted/modified/denied), append-only.
CREATE TABLE IF NOT EXISTS suggestion_events (
    suggestion_id uuid         NOT NULL REFERENCES suggestions (id),
    seq           integer      NOT NULL,
    kind          varchar(20)  NOT NULL,
    actor_id      uuid         NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    rationale     text,
    details       jsonb        NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (suggestion_id, seq)
);

-- A tool grain writes a whole transition in one transaction; a version may derive from one written in the
-- same transaction (repair after a lost projection), so the derived-from check waits for the commit.
ALTER TABLE tool_versions ALTER CONSTRAINT tool_versions_derived_from_fkey DEFERRABLE INITIALLY DEFERRED;
