-- Issue 21: tool sessions (docs/adr/0016-tool-sessions.md). A run that is part of a session says which one (an
-- opening run learns it when it finishes offering steps) and which step it took, so "Mina körningar" can group a
-- session's runs. (What the script kept for the next step is stored with its output: 0740_run_session_output.sql.)
ALTER TABLE runs ADD COLUMN IF NOT EXISTS session_key text;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS step_name text;

-- Files a session keeps for its later steps live with the run that brought them (ADR 0011): the opening run's
-- uploads and the artifacts a script kept, as their own kinds so the session, not the artifact retention,
-- decides when they go.
ALTER TABLE run_files DROP CONSTRAINT IF EXISTS run_files_kind_check;
ALTER TABLE run_files ADD CONSTRAINT run_files_kind_check
    CHECK (kind IN ('artifact', 'sandbox_input', 'session_upload', 'session_kept'));

-- The session grain's query rows (ADR 0008; its Orleans state is the truth): which sessions are open, whose,
-- their runs and when they expire, for the retention sweep.
CREATE TABLE IF NOT EXISTS tool_sessions (
    key        text        PRIMARY KEY,
    user_id    uuid        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('production', 'sandbox')),
    tool_id    uuid        NOT NULL,
    version_id uuid        NOT NULL,
    run_ids    uuid[]      NOT NULL,
    expires_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS tool_sessions_by_expiry ON tool_sessions (expires_at);
