namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>Name and size of one input of a run (never its content).</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunInputInfo")]
public sealed record RunInputInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] long Bytes);
