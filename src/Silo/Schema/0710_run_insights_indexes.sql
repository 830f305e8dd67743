-- Issue 22. Tool insights (docs/execution.md, "Insights") count production runs only: per tool and version
-- (counts by status, durations, weeks) from one index without touching the table, the overview's last 30 days
-- from another, and the failures' messages and kinds from the few rows that did not succeed.
CREATE INDEX IF NOT EXISTS runs_insights_by_tool ON runs (tool_id, version_id)
    INCLUDE (status, created_at, started_at, finished_at) WHERE kind = 'production';
CREATE INDEX IF NOT EXISTS runs_insights_recent ON runs (created_at)
    INCLUDE (tool_id, status) WHERE kind = 'production';
CREATE INDEX IF NOT EXISTS runs_insights_failures ON runs (tool_id, version_id)
    WHERE kind = 'production' AND status <> 'succeeded';
