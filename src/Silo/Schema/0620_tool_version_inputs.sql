-- Issue 13: a version's declared input fields and files (ToolInputsJson), part of the version like its source.
-- NULL: a version from before declarations, which means "no fields, one file or more" (run contract v1).
ALTER TABLE tool_versions ADD COLUMN IF NOT EXISTS inputs jsonb;

-- The declaration is immutable once written, like the source it belongs to.
CREATE OR REPLACE FUNCTION tool_versions_keep_source() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF NEW.source IS DISTINCT FROM OLD.source OR NEW.entrypoint IS DISTINCT FROM OLD.entrypoint
       OR NEW.content_sha256 IS DISTINCT FROM OLD.content_sha256 OR NEW.number IS DISTINCT FROM OLD.number
       OR NEW.tool_id IS DISTINCT FROM OLD.tool_id OR NEW.inputs IS DISTINCT FROM OLD.inputs THEN
        RAISE EXCEPTION 'tool version % is immutable', OLD.id;
    END IF;
    RETURN NEW;
END
$f$;
