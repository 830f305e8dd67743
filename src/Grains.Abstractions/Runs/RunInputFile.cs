namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>An uploaded file as given to a run (name as uploaded; the run makes it safe).</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunInputFile")]
public sealed record RunInputFile(
    [property: Id(0)] string FileName,
    [property: Id(1)] byte[] Content);
