namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>One stored artifact of a run (manifest entry); <see cref="Id"/> is its index in the manifest.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunArtifact")]
public sealed record RunArtifact(
    [property: Id(0)] int Id,
    [property: Id(1)] string Name,
    [property: Id(2)] long Bytes,
    [property: Id(3)] string Sha256);
