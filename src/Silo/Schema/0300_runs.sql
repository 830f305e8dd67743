-- Query side of runs (SPEC §6): one row per run, upserted by its run grain after each state change.
-- Outputs (stdout, stderr, html) are already capped by the execution service before they get here.

CREATE TABLE IF NOT EXISTS runs (
    id                 uuid         PRIMARY KEY,
    kind               varchar(20)  NOT NULL CHECK (kind IN ('sandbox', 'production')),
    status             varchar(20)  NOT NULL CHECK (status IN
                           ('queued', 'running', 'succeeded', 'failed', 'timed_out', 'canceled', 'interrupted')),
    tool_id            uuid         NOT NULL,
    version_id         uuid         NOT NULL,
    requested_by       uuid         NOT NULL,
    queue_position     integer,
    stdout             text         NOT NULL DEFAULT '',
    stderr             text         NOT NULL DEFAULT '',
    html               text         NOT NULL DEFAULT '',
    output_truncated   boolean      NOT NULL DEFAULT false,
    error_summary      text,
    internal_error     text,
    artifacts          jsonb        NOT NULL DEFAULT '[]',
    skipped_artifacts  jsonb        NOT NULL DEFAULT '[]',
    inputs             jsonb        NOT NULL DEFAULT '[]',
    oom_killed         boolean      NOT NULL DEFAULT false,
    script_ms          bigint,
    container_ms       bigint,
    silo               varchar(200),
    created_at         timestamptz  NOT NULL,
    started_at         timestamptz,
    finished_at        timestamptz,
    artifacts_removed_at timestamptz
);

CREATE INDEX IF NOT EXISTS runs_by_requester ON runs (requested_by, created_at DESC);
CREATE INDEX IF NOT EXISTS runs_by_created ON runs (created_at DESC);
CREATE INDEX IF NOT EXISTS runs_unfinished ON runs (silo) WHERE status IN ('queued', 'running');
