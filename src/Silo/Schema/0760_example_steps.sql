-- Issue 21, worked examples with steps (docs/adr/0012-worked-examples.md, "Examples with steps"). An example may list
-- the follow-up steps to take after its first run, in order, as JSON text [{"step": name, "values": {field: value}}]
-- (text like field_values, so the values reach the step as given). Values are checked against each step's form only
-- when a check takes the step: a step's form is known at run time only.
ALTER TABLE tool_examples ADD COLUMN IF NOT EXISTS steps text NOT NULL DEFAULT '[]';

-- A check of such an example follows one run after the other: step_index is the listed step it has reached (0: the
-- first run, run_id), last_run_id that step's run (NULL while on the first run). The run ids of the steps derive
-- from the check's run id and the step number, so a restarted grain takes a step it had not started under the same
-- start key, and the compared output is last_run_id's.
ALTER TABLE tool_example_checks ADD COLUMN IF NOT EXISTS step_index integer NOT NULL DEFAULT 0;
ALTER TABLE tool_example_checks ADD COLUMN IF NOT EXISTS last_run_id uuid;

-- The check's steps run through a tool session of their own (ToolSessionKey.ExampleCheck), never an author's or a
-- teacher's.
ALTER TABLE tool_sessions DROP CONSTRAINT IF EXISTS tool_sessions_kind_check;
ALTER TABLE tool_sessions ADD CONSTRAINT tool_sessions_kind_check CHECK (kind IN ('production', 'sandbox', 'example_check'));
