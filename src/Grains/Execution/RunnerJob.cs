namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Everything one container run needs: the script, its inputs, the checked field values and the wrapper's
/// timeout. Serialized into the cluster's run queue (docs/adr/0009-cluster-run-queue.md), so a new member
/// takes the next [Id] and a default: a silo of the previous version still reads the job.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunnerJob")]
internal sealed record RunnerJob(
    [property: Id(0)] Guid RunId,
    [property: Id(1)] string Source,
    [property: Id(2)] string Entrypoint,
    [property: Id(3)] IReadOnlyList<RunnerInput> Inputs,
    [property: Id(4)] int TimeoutSeconds,
    // A JSON object of field name to typed value, already checked against the version's declaration.
    [property: Id(5)] string FieldValuesJson = "{}")
{
    /// <summary>The person's saved settings for the tool, checked against the version's declaration (<c>st.settings</c>).</summary>
    [Id(6)]
    public string SettingsJson { get; init; } = "{}";

    /// <summary>The step being taken (<c>st.current_step</c>); null on a session's first run.</summary>
    [Id(7)]
    public string? CurrentStep { get; init; }

    /// <summary>The state the previous step's run kept (<c>st.state</c>), a JSON object; "{}" on a first run.</summary>
    [Id(8)]
    public string StateJson { get; init; } = "{}";

    /// <summary>Files of earlier steps, read-only under /work/session/ (protocol v3).</summary>
    [Id(9)]
    public IReadOnlyList<RunnerInput> SessionFiles { get; init; } = [];
}

/// <summary>One input file, already given a safe name.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunnerInput")]
internal sealed record RunnerInput([property: Id(0)] string Name, [property: Id(1)] byte[] Content);
