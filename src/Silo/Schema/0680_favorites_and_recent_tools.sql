-- Issue 22. A person's favorite tools ("Mina favoriter"): one row per person and tool, written with plain SQL by
-- the my-tools grain (per-person rows, not grain state). The primary key makes starring twice one row.
-- No foreign key to users: the users row is an account grain's query row and may lag its state (ADR 0008);
-- tools rows exist before anyone can star them (the insert reads the tool's row), and are never deleted.
CREATE TABLE IF NOT EXISTS favorites (
    user_id    uuid        NOT NULL,
    tool_id    uuid        NOT NULL REFERENCES tools (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, tool_id)
);

-- "Senast använda" is derived from the person's own production runs (no second copy of the run history): the
-- newest run per tool, read as an index-only scan of this index.
CREATE INDEX IF NOT EXISTS runs_recent_tools ON runs (requested_by, tool_id, created_at DESC) WHERE kind = 'production';
