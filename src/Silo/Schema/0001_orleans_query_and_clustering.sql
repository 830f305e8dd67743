-- Orleans ADO.NET clustering on PostgreSQL, written for the 10.4.2 query contract (docs/ORLEANS-ADONET in shared).
-- Every provider reads its SQL from OrleansQuery at start; each key below returns the columns the provider reads by name.

CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  varchar(64) PRIMARY KEY,
    QueryText text        NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans_membership_version (
    deployment_id varchar(150) PRIMARY KEY,
    changed_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS orleans_membership (
    deployment_id   varchar(150) NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address         varchar(45)  NOT NULL,
    port            integer      NOT NULL,
    generation      integer      NOT NULL,
    silo_name       varchar(150) NOT NULL,
    host_name       varchar(150) NOT NULL,
    status          integer      NOT NULL,
    proxy_port      integer,
    suspect_times   varchar(8000),
    start_time      timestamptz  NOT NULL,
    i_am_alive_time timestamptz  NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('MembershipReadAllKey', $q$
    SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
           m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId
$q$),
('MembershipReadRowKey', $q$
    SELECT v.version AS "Version", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
           m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId
$q$),
('InsertMembershipVersionKey', $q$
    WITH ins AS (
        INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) FROM ins
$q$),
-- The version row is the lock: a stale @Version matches nothing, so neither the bump nor the insert happens.
('InsertMembershipKey', $q$
    WITH bump AS (
        UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId AND version = @Version
          AND NOT EXISTS (SELECT 1 FROM orleans_membership
                          WHERE deployment_id = @DeploymentId AND address = @Address
                            AND port = @Port AND generation = @Generation)
        RETURNING 1),
    ins AS (
        INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status,
                                        proxy_port, start_time, i_am_alive_time)
        SELECT @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
               @ProxyPort, @StartTime, @IAmAliveTime
        FROM bump
        ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*) FROM ins
$q$),
('UpdateMembershipKey', $q$
    WITH bump AS (
        UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
        WHERE deployment_id = @DeploymentId AND version = @Version
        RETURNING 1),
    upd AS (
        UPDATE orleans_membership
        SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
        WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
          AND EXISTS (SELECT 1 FROM bump)
        RETURNING 1)
    SELECT count(*) FROM upd
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),
('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId
$q$),
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$q$),
('CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
      AND status <> 3
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
