-- Issue 22, "Mitt konto" (docs/identity.md). A person's own account: the language they chose (kept across logins
-- and devices; NULL = never chosen, Swedish) and whether an admin set their password (then they must choose a new
-- one before anything else).
ALTER TABLE users ADD COLUMN IF NOT EXISTS preferred_language varchar(10);
ALTER TABLE users ADD COLUMN IF NOT EXISTS must_change_password boolean NOT NULL DEFAULT false;

-- A session as its owner sees it in the list of their sessions: a public id to end it by (the id_hash stays
-- internal) and a short device description made from the User-Agent at login ("Chrome|Windows"), never the raw header.
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS public_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE sessions ADD COLUMN IF NOT EXISTS device varchar(60);
CREATE UNIQUE INDEX IF NOT EXISTS sessions_public_id ON sessions (public_id);
