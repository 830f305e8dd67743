-- Issue 13, worked examples (docs/adr/0012-worked-examples.md). An example belongs to a tool, not to a
-- version: it guards every new version. The tool examples grain is the only writer of these tables.
CREATE TABLE IF NOT EXISTS tool_examples (
    id                  uuid        PRIMARY KEY,
    tool_id             uuid        NOT NULL REFERENCES tools (id),
    name                varchar(80) NOT NULL,
    -- The field values as the run form sends them (a JSON object as text), checked when the example is added.
    field_values        text,
    -- The accepted result: the normalized output of one run, and where it was taken from.
    expected_text       text,
    expected_version_id uuid,
    expected_run_id     uuid,
    expected_by         uuid,
    expected_at         timestamptz,
    created_by          uuid        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS tool_examples_name_unique ON tool_examples (tool_id, lower(name));

-- Input files (within the upload limits, Uploads:*), in the order they were given.
CREATE TABLE IF NOT EXISTS tool_example_files (
    example_id uuid    NOT NULL REFERENCES tool_examples (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    name       text    NOT NULL,
    content    bytea   NOT NULL,
    PRIMARY KEY (example_id, position)
);

-- One check per version and example: a sandbox run of the example against the version, queued on save and
-- submit. status: pending (queued or running), ran (output_text holds the normalized output), failed
-- (error says why), superseded (a newer save came first; never run or its result ignored).
CREATE TABLE IF NOT EXISTS tool_example_checks (
    version_id     uuid        NOT NULL,
    example_id     uuid        NOT NULL REFERENCES tool_examples (id) ON DELETE CASCADE,
    tool_id        uuid        NOT NULL,
    status         varchar(20) NOT NULL CHECK (status IN ('pending', 'ran', 'failed', 'superseded')),
    run_id         uuid        NOT NULL,
    requested_by   uuid        NOT NULL,
    requested_role integer     NOT NULL,
    output_text    text,
    error          text,
    queued_at      timestamptz NOT NULL DEFAULT now(),
    finished_at    timestamptz,
    PRIMARY KEY (version_id, example_id)
);

CREATE INDEX IF NOT EXISTS tool_example_checks_pending ON tool_example_checks (tool_id) WHERE status = 'pending';
