-- Issue 18. One intent to run is one run (docs/execution.md, "Idempotent starts"): a start's key, unique per
-- requester. The run id is derived from requester and key, so the run grain answers a repeat with the run it
-- holds; this index is the last guard should a start with the same key ever reach another run id.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS start_key varchar(100);
CREATE UNIQUE INDEX IF NOT EXISTS runs_start_key_unique ON runs (requested_by, start_key) WHERE start_key IS NOT NULL;

-- A reopened run shows what it ran with: the field values the script got (the checked JSON object) and the
-- worked example it tried ("Prova med exempel"). Written with the run's first row, never changed.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS field_values jsonb;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS example_id uuid;
