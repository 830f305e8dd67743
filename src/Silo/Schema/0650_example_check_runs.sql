-- Example checks get a run kind of their own (docs/adr/0012-worked-examples.md): they follow the sandbox rules
-- but belong to the example's check, so "Mina körningar" and the studio's sandbox history leave them out.
ALTER TABLE runs DROP CONSTRAINT IF EXISTS runs_kind_check;
ALTER TABLE runs ADD CONSTRAINT runs_kind_check CHECK (kind IN ('sandbox', 'production', 'example_check'));

-- Check runs made before this migration were sandbox runs; the check rows say which they are.
UPDATE runs SET kind = 'example_check'
WHERE kind = 'sandbox' AND id IN (SELECT run_id FROM tool_example_checks);

-- "Mina körningar" filters by kind (all but example checks, real runs, test runs): with the kind in the
-- requester index the page's count stays an index-only scan (docs/performance.md).
CREATE INDEX IF NOT EXISTS runs_by_requester_kind ON runs (requested_by, created_at DESC) INCLUDE (kind);
DROP INDEX IF EXISTS runs_by_requester;
