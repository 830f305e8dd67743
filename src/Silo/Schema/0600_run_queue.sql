-- The cluster's one run queue (issue 11, docs/adr/0009-cluster-run-queue.md). A run waits here in one
-- first-in-first-out order (seq) until a runner silo with a free slot claims it (FOR UPDATE SKIP LOCKED);
-- the claimer renews its lease while the container runs and deletes the row when the run has ended.
-- A claimed row whose claimer left the cluster and whose lease ran out belongs to an interrupted run.
CREATE TABLE IF NOT EXISTS run_queue (
    run_id          uuid         PRIMARY KEY,
    seq             bigint       GENERATED ALWAYS AS IDENTITY,
    cluster_id      varchar(150) NOT NULL,
    kind            varchar(20)  NOT NULL,
    tool_id         uuid         NOT NULL,
    -- The Orleans-serialized RunnerJob: script, inputs, field values, timeout. Gone with the row.
    job             bytea        NOT NULL,
    enqueued_at     timestamptz  NOT NULL DEFAULT now(),
    claimed_by      varchar(150),
    claimer_address varchar(150),
    claimed_at      timestamptz,
    lease_until     timestamptz,
    cancel_requested boolean     NOT NULL DEFAULT false
);

-- The claim: the oldest waiting run of the cluster.
CREATE INDEX IF NOT EXISTS run_queue_waiting ON run_queue (cluster_id, seq) WHERE claimed_by IS NULL;

-- Runner silos and their slots, refreshed every few seconds: a new run is accepted while the cluster has a
-- free slot or fewer than Execution:MaxQueuedRuns runs wait beyond the slots of the runners seen lately.
CREATE TABLE IF NOT EXISTS run_queue_runners (
    cluster_id  varchar(150) NOT NULL,
    address     varchar(150) NOT NULL,
    slots       integer      NOT NULL,
    seen_at     timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, address)
);
