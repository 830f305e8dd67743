-- Catalog search insensitive to case and to å/ä/ö/é (SPEC §3: people type "franvaro" on phones). Both sides of a
-- search go through search_fold: the query and the title/summary it is compared with. unaccent ships in
-- PostgreSQL's contrib (Debian: postgresql-15) and is a trusted extension, so the application's role (the
-- database owner) creates it without superuser rights.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- IMMUTABLE needs the dictionary named explicitly (unaccent(text) alone depends on search_path), so the function
-- can back an index if the tools table ever grows large enough to want one.
CREATE OR REPLACE FUNCTION search_fold(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
