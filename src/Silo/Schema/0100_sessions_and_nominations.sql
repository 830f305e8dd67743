-- Identity (SPEC §2): server-side sessions and admin nominations. Users and audit_log are in 0004.

-- The browser holds only a random session id; the table keeps its SHA-256 so a leaked table opens no session.
CREATE TABLE IF NOT EXISTS sessions (
    id_hash      bytea        PRIMARY KEY,
    user_id      uuid         NOT NULL REFERENCES users (id),
    created_at   timestamptz  NOT NULL,
    last_seen_at timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    revoked      boolean      NOT NULL DEFAULT false,
    revoked_at   timestamptz,
    address      varchar(64)
);

CREATE INDEX IF NOT EXISTS sessions_user_live ON sessions (user_id) WHERE NOT revoked;

-- Query table of the nomination grains (one grain per nominee writes these rows after its state write).
CREATE TABLE IF NOT EXISTS nominations (
    id            uuid         PRIMARY KEY,
    nominee_id    uuid         NOT NULL REFERENCES users (id),
    nominator_id  uuid         NOT NULL REFERENCES users (id),
    rationale     text         NOT NULL,
    status        varchar(20)  NOT NULL CHECK (status IN ('pending', 'approved', 'denied')),
    created_at    timestamptz  NOT NULL,
    decided_by    uuid         REFERENCES users (id),
    decided_at    timestamptz,
    decision_note text
);

-- At most one open nomination per nominee, also when two front ends race.
CREATE UNIQUE INDEX IF NOT EXISTS nominations_one_pending ON nominations (nominee_id) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS nominations_pending_time ON nominations (created_at) WHERE status = 'pending';

CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor_id, occurred_at DESC);
