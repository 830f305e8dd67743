namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>A script version with its (immutable) source.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolVersion")]
public sealed record ToolVersion(
    [property: Id(0)] ToolVersionHeader Header,
    [property: Id(1)] string Source);
