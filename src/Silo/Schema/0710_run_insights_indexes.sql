-- Issue 22. Tool insights (docs/execution.md, "Insights") count production runs only: one tool's counts by version
-- and status, durations and weeks come from one index without touching the table, the overview's last 30 days
-- from another, and the failures' kinds and messages from the few rows that did not succeed
-- (docs/performance.md, "Tool insights").
CREATE INDEX IF NOT EXISTS runs_insights_by_tool ON runs (tool_id, created_at)
    INCLUDE (version_id, status, started_at, finished_at) WHERE kind = 'production';
CREATE INDEX IF NOT EXISTS runs_insights_recent ON runs (created_at)
    INCLUDE (tool_id, status) WHERE kind = 'production';
CREATE INDEX IF NOT EXISTS runs_insights_failures ON runs (tool_id, version_id)
    WHERE kind = 'production' AND status <> 'succeeded';
