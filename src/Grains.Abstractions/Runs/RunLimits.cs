namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// The limits one run gets (settings section "Execution"): the run grain sends the timeout to the runner, the
/// container is created with the memory and CPU, and the studio's sandbox panel shows the same numbers. The host's
/// ExecutionOptions extends this class, so each default lives here once and both read the same keys.
/// </summary>
public class RunLimits
{
    public const string Section = "Execution";

    /// <summary>Script timeout of a sandbox run, enforced by the wrapper inside the container.</summary>
    public int SandboxTimeoutSeconds { get; set; } = 60;

    /// <summary>Script timeout of a production run.</summary>
    public int ProductionTimeoutSeconds { get; set; } = 120;

    /// <summary>Memory of a run's container (swap included: none beyond it).</summary>
    public long MemoryBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>CPU share in billionths of a CPU (1e9 = one core).</summary>
    public long NanoCpus { get; set; } = 1_000_000_000;
}
