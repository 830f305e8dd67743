-- The reviewer's note when changes were requested on a version in review, kept apart from the author's change
-- summary and submit note (which it used to overwrite). NULL: no changes were requested on this version.
ALTER TABLE tool_versions ADD COLUMN IF NOT EXISTS changes_requested text;
