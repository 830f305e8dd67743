-- Runner protocol v2 (issue 13): a run's result may be a list of output blocks (notice, markdown, table, image,
-- html), stored with the rest of its RunOutput in the runs row (docs/adr/0007). error_detail holds the failure
-- as the author sees it (exception type and message); error_summary stays what a teacher reads.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS blocks           jsonb   NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS blocks_truncated boolean NOT NULL DEFAULT false;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS error_detail     text;
