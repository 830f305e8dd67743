-- People and the append-only audit log (SPEC §1-2). Sessions and nominations arrive with the identity work.

CREATE TABLE IF NOT EXISTS users (
    id             uuid         PRIMARY KEY,
    email          varchar(320) NOT NULL,
    display_name   varchar(200) NOT NULL,
    role           varchar(20)  NOT NULL CHECK (role IN ('user', 'contributor', 'admin', 'superuser')),
    is_active      boolean      NOT NULL DEFAULT true,
    password_hash  text,
    external_id    varchar(200),
    auth_provider  varchar(40)  NOT NULL DEFAULT 'local',
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX IF NOT EXISTS users_email_unique ON users (lower(email));

CREATE TABLE IF NOT EXISTS audit_log (
    id          bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at timestamptz  NOT NULL DEFAULT now(),
    actor_id    uuid,
    action      varchar(80)  NOT NULL,
    target_type varchar(40),
    target_id   varchar(100),
    details     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    address     varchar(64)
);

CREATE INDEX IF NOT EXISTS audit_log_time ON audit_log (occurred_at DESC);
CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log (action, occurred_at DESC);

-- Append-only: the application may insert and read, never change history.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END
$f$;

DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
