-- Issue 21. A session step's number in the run lists (RunListQueries: the person's runs of the same session key up to
-- this run, after its newest opening run) reads one index range instead of scanning the person's other runs.
CREATE INDEX IF NOT EXISTS runs_by_session ON runs (requested_by, session_key, created_at)
    WHERE session_key IS NOT NULL;
