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
    [property: Id(5)] string FieldValuesJson = "{}");

/// <summary>One input file, already given a safe name.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunnerInput")]
internal sealed record RunnerInput([property: Id(0)] string Name, [property: Id(1)] byte[] Content);
