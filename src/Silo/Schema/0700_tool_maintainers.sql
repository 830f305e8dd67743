-- Issue 22: a tool's named maintainers (contributors who may work on that tool's script in the studio). The tool
-- grain holds them in its state and is the only writer of these rows (ADR 0004, 0008): they are rewritten with
-- the tool's other rows on every transition, and read by the examples and run grains and the "Mina verktyg" list.
CREATE TABLE IF NOT EXISTS tool_maintainers (
    tool_id  uuid        NOT NULL REFERENCES tools (id),
    user_id  uuid        NOT NULL REFERENCES users (id),
    added_by uuid        NOT NULL,
    added_at timestamptz NOT NULL,
    PRIMARY KEY (tool_id, user_id)
);

CREATE INDEX IF NOT EXISTS tool_maintainers_user ON tool_maintainers (user_id);
