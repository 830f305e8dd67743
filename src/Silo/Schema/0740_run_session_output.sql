-- Runner protocol v3 (issue 21): what a run keeps for its tool session's next step, stored with the rest of its
-- RunOutput in the runs row (docs/adr/0007). session_state is the st.state JSON object as the wrapper measured it
-- (at most 64 KiB; text, not jsonb, so the next step gets exactly those bytes); kept_files names the artifacts the
-- script kept with st.keep; steps_total is the count the script announced (st.steps_total).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS session_state text;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS kept_files    jsonb   NOT NULL DEFAULT '[]'::jsonb;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS steps_total   integer;
