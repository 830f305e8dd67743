-- Run lists filtered by tool or status (admin runs overview), newest first; the requester and time
-- indexes come from 0300_runs.sql.
CREATE INDEX IF NOT EXISTS runs_by_tool ON runs (tool_id, created_at DESC);
CREATE INDEX IF NOT EXISTS runs_by_status ON runs (status, created_at DESC);
