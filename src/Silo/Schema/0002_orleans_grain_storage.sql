-- Orleans ADO.NET grain storage. Version is the optimistic-concurrency token: a write with a stale
-- version returns no row and the provider raises InconsistentStateException.

CREATE TABLE IF NOT EXISTS orleans_storage (
    grain_id_hash            integer      NOT NULL,
    grain_id_n0              bigint       NOT NULL,
    grain_id_n1              bigint       NOT NULL,
    grain_type_hash          integer      NOT NULL,
    grain_type_string        varchar(512) NOT NULL,
    grain_id_extension_string varchar(512),
    service_id               varchar(150) NOT NULL,
    payload_binary           bytea,
    modified_on              timestamptz  NOT NULL DEFAULT now(),
    version                  integer      NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS orleans_storage_identity ON orleans_storage
    (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type_string,
     coalesce(grain_id_extension_string, ''), service_id);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', $q$
    SELECT payload_binary AS "PayloadBinary", version AS "Version"
    FROM orleans_storage
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_type_string = @GrainTypeString
      AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
      AND service_id = @ServiceId
$q$),
('WriteToStorageKey', $q$
    WITH upd AS (
        UPDATE orleans_storage
        SET payload_binary = @PayloadBinary, modified_on = now(), version = version + 1
        WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
          AND grain_type_string = @GrainTypeString
          AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
          AND service_id = @ServiceId
          AND version = @GrainStateVersion
        RETURNING version),
    ins AS (
        INSERT INTO orleans_storage (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type_string,
                                     grain_id_extension_string, service_id, payload_binary, version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
               @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
        WHERE CAST(@GrainStateVersion AS integer) IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT version AS "NewGrainStateVersion" FROM upd
    UNION ALL
    SELECT version FROM ins
$q$),
('ClearStorageKey', $q$
    UPDATE orleans_storage
    SET payload_binary = NULL, modified_on = now(), version = version + 1
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_type_string = @GrainTypeString
      AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
      AND service_id = @ServiceId
      AND version = @GrainStateVersion
    RETURNING version AS "Version"
$q$),
('DeleteStorageKey', $q$
    DELETE FROM orleans_storage
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_type_string = @GrainTypeString
      AND grain_id_extension_string IS NOT DISTINCT FROM @GrainIdExtensionString
      AND service_id = @ServiceId
      AND version = @GrainStateVersion
    RETURNING version + 1 AS "Version"
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
