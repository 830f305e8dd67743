using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Settings for running tools in containers (section "Execution"); a run's timeouts, memory and CPU are the
/// <see cref="RunLimits"/> it extends, which the pages read too.
/// </summary>
public sealed class ExecutionOptions : RunLimits
{
    /// <summary>True on runner silos: they may start containers and claim runs from the cluster's queue.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Docker Engine API endpoint; the socket stays on the host and is never mounted into a runner.</summary>
    public string DockerEndpoint { get; set; } = "unix:///var/run/docker.sock";

    /// <summary>Runner image tag, built by runner-image/build.sh (tagged by a hash of its recipe).</summary>
    public string RunnerImage { get; set; } = "";

    /// <summary>Extra time the host allows past the script timeout before it kills the container itself.</summary>
    public int HardKillMarginSeconds { get; set; } = 15;

    /// <summary>Containers running at once on this runner silo (its slots).</summary>
    public int MaxConcurrentRuns { get; set; } = 2;

    /// <summary>
    /// Runs allowed to wait in the cluster's one queue beyond the slots of its runner silos; beyond that a new run
    /// is refused as busy. A cluster-wide figure: give every silo the same value (docs/adr/0009-cluster-run-queue.md).
    /// </summary>
    public int MaxQueuedRuns { get; set; } = 200;

    /// <summary>How long a runner silo's claim on a run stays valid without renewal (renewed every 5 s).</summary>
    public int QueueLeaseSeconds { get; set; } = 20;

    /// <summary>On a graceful stop, how long running runs may finish before they are stopped (ending interrupted).</summary>
    public int ShutdownDrainSeconds { get; set; } = 30;

    /// <summary>
    /// Containers this silo keeps created, started and waiting for a job (docs/execution.md, "Warm pool");
    /// each serves one run. 0 turns the pool off: every run then creates its container.
    /// </summary>
    public int WarmPoolSize { get; set; } = 2;

    /// <summary>Seconds without any run after which the warm pool empties itself; the next run fills it again.</summary>
    public int WarmPoolIdleSeconds { get; set; } = 1800;

    public long PidsLimit { get; set; } = 128;

    /// <summary>Size of the tmpfs mounted at /work (inputs, outputs); writes beyond it fail with ENOSPC.</summary>
    public long WorkTmpfsBytes { get; set; } = 128L * 1024 * 1024;

    /// <summary>Size of the tmpfs mounted at /tmp.</summary>
    public long TmpTmpfsBytes { get; set; } = 64L * 1024 * 1024;

    // The caps' defaults come from runner-image/caps.json, the file the image itself falls back on (RunnerCaps).
    public int StdoutCapBytes { get; set; } = RunnerCaps.Int("stdout_bytes");

    public int StderrCapBytes { get; set; } = RunnerCaps.Int("stderr_bytes");

    public int HtmlCapBytes { get; set; } = RunnerCaps.Int("html_bytes");

    public int ArtifactCountCap { get; set; } = RunnerCaps.Int("artifact_count");

    public long ArtifactBytesCap { get; set; } = RunnerCaps.Long("artifact_bytes");

    public long ArtifactTotalBytesCap { get; set; } = RunnerCaps.Long("artifact_total_bytes");

    /// <summary>Output blocks kept per run (protocol v2); later ones are left out and the result says so.</summary>
    public int BlockCountCap { get; set; } = RunnerCaps.Int("block_count");

    /// <summary>All blocks of a run together, as UTF-8 JSON (what the runs row stores).</summary>
    public int BlocksBytesCap { get; set; } = RunnerCaps.Int("blocks_bytes");

    public int TableRowsCap { get; set; } = RunnerCaps.Int("table_rows");

    public int TableColumnsCap { get; set; } = RunnerCaps.Int("table_columns");

    /// <summary>Characters per table cell (and column name).</summary>
    public int CellCharsCap { get; set; } = RunnerCaps.Int("cell_chars");

    public int NoticeCharsCap { get; set; } = RunnerCaps.Int("notice_chars");

    public int MarkdownCharsCap { get; set; } = RunnerCaps.Int("markdown_chars");

    /// <summary>Characters of a table title or an image's alternative text.</summary>
    public int TitleCharsCap { get; set; } = RunnerCaps.Int("title_chars");

    /// <summary>Days artifacts are kept before the retention sweep removes them.</summary>
    public int ArtifactRetentionDays { get; set; } = 7;

    /// <summary>Hours sandbox inputs are kept (production inputs are never stored past the run).</summary>
    public int SandboxInputRetentionHours { get; set; } = 24;
}
