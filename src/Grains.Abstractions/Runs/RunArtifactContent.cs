namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>One artifact's bytes for a download.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunArtifactContent")]
public sealed record RunArtifactContent(
    [property: Id(0)] string Name,
    [property: Id(1)] byte[] Content);
