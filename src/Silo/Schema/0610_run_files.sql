-- Artifacts and sandbox inputs live in PostgreSQL, not on the producing silo's disk, so a download works
-- from every node of a cluster whichever runner silo produced the file (docs/adr/0011-artifact-storage.md).
-- A backup is one pg_dump; retention is a DELETE by kind and age. Sizes are bounded by the execution caps
-- (Execution:ArtifactBytesCap, Execution:ArtifactTotalBytesCap) and the upload limits (Uploads:*).
CREATE TABLE IF NOT EXISTS run_files (
    run_id      uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('artifact', 'sandbox_input')),
    name        text        NOT NULL,
    size_bytes  bigint      NOT NULL,
    content     bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, kind, name)
);

-- The retention sweep deletes by kind and age.
CREATE INDEX IF NOT EXISTS run_files_by_age ON run_files (kind, created_at);

-- Script outputs are mostly compressed already (xlsx, docx, png, pdf): store them out of line without a
-- second compression attempt on every write.
ALTER TABLE run_files ALTER COLUMN content SET STORAGE EXTERNAL;

-- Files written to Execution:ArtifactsRoot by earlier versions are not imported (ADR 0011): their runs say
-- the files are gone, as after a retention sweep, instead of offering a download that cannot be served.
UPDATE runs SET artifacts_removed_at = now()
WHERE artifacts_removed_at IS NULL AND jsonb_array_length(artifacts) > 0;
