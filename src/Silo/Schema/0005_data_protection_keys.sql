-- ASP.NET Core data-protection key ring (antiforgery tokens, circuit state), shared by every web node of a
-- cluster and kept across restarts, so a form opened before a restart still posts after it.
CREATE TABLE IF NOT EXISTS data_protection_keys (
    friendly_name varchar(200) PRIMARY KEY,
    xml           text         NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
