-- Studio (issue 10): a sandbox run of unsaved editor text keeps the text it ran, so "what did I run?"
-- always has an answer. Written once by the run grain at start, just before the run's row; never changed.
CREATE TABLE IF NOT EXISTS run_snapshots (
    run_id      uuid  PRIMARY KEY,
    source      text  NOT NULL,
    entrypoint  varchar(100) NOT NULL
);

-- The studio lists the last sandbox runs of one tool.
CREATE INDEX IF NOT EXISTS runs_by_tool_kind ON runs (tool_id, kind, created_at DESC);
