namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>A file the script left in its output folder that was not kept, and why (symlink, too_large, ...).</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SkippedArtifact")]
public sealed record SkippedArtifact(
    [property: Id(0)] string Name,
    [property: Id(1)] string Reason);
