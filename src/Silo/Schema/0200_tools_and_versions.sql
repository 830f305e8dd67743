-- Query side of tools and their append-only version history (SPEC §3, §5). The tool grain is the only
-- writer; these rows are its projection, upserted after each state write. The partial unique index is
-- the database's own refusal of a second active version.

CREATE TABLE IF NOT EXISTS tools (
    id                uuid         PRIMARY KEY,
    slug              varchar(80)  NOT NULL,
    title             varchar(200) NOT NULL,
    summary           text         NOT NULL DEFAULT '',
    usage_md          text         NOT NULL DEFAULT '',
    is_published      boolean      NOT NULL DEFAULT false,
    active_version_id uuid,
    suggestion_id     uuid,
    created_by        uuid,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT tools_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- "Published implies runnable".
    CONSTRAINT tools_published_has_active CHECK (NOT is_published OR active_version_id IS NOT NULL)
);

CREATE UNIQUE INDEX IF NOT EXISTS tools_slug_unique ON tools (slug);

CREATE TABLE IF NOT EXISTS tool_versions (
    id             uuid         PRIMARY KEY,
    tool_id        uuid         NOT NULL REFERENCES tools (id),
    number         integer      NOT NULL CHECK (number > 0),
    state          varchar(20)  NOT NULL CHECK (state IN ('draft', 'in_review', 'active', 'archived')),
    source         text         NOT NULL,
    entrypoint     varchar(100) NOT NULL DEFAULT 'run_tool',
    content_sha256 char(64)     NOT NULL,
    derived_from   uuid         REFERENCES tool_versions (id),
    change_summary text         NOT NULL DEFAULT '',
    review_note    text,
    created_by     uuid         NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    reviewed_by    uuid,
    reviewed_at    timestamptz,
    published_by   uuid,
    published_at   timestamptz,
    UNIQUE (tool_id, number)
);

CREATE UNIQUE INDEX IF NOT EXISTS tool_versions_one_active ON tool_versions (tool_id) WHERE state = 'active';
CREATE INDEX IF NOT EXISTS tool_versions_by_tool ON tool_versions (tool_id, number DESC);

-- Source is immutable once written: only state and review/publish stamps may change.
CREATE OR REPLACE FUNCTION tool_versions_keep_source() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF NEW.source IS DISTINCT FROM OLD.source OR NEW.entrypoint IS DISTINCT FROM OLD.entrypoint
       OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256 OR NEW.number IS DISTINCT FROM OLD.number
       OR NEW.tool_id IS DISTINCT FROM OLD.tool_id THEN
        RAISE EXCEPTION 'tool version % is immutable', OLD.id;
    END IF;
    RETURN NEW;
END
$f$;

DROP TRIGGER IF EXISTS tool_versions_immutable_source ON tool_versions;
CREATE TRIGGER tool_versions_immutable_source BEFORE UPDATE ON tool_versions
    FOR EACH ROW EXECUTE FUNCTION tool_versions_keep_source();
