-- The runs row is the source of truth of a run (docs/adr/0007-run-record-source-of-truth.md) and stores its
-- RunOutput as is, including which text was cut. Rows written before this knew only "something was cut": that
-- flag is kept on the html, so the page still says the output is incomplete.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS html_truncated   boolean NOT NULL DEFAULT false;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS stdout_truncated boolean NOT NULL DEFAULT false;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS stderr_truncated boolean NOT NULL DEFAULT false;
UPDATE runs SET html_truncated = true
WHERE output_truncated AND NOT (html_truncated OR stdout_truncated OR stderr_truncated);
