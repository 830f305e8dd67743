namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>A save from the editor: BaseVersionId is the version the editor was opened on.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SaveVersionCommand")]
public sealed record SaveVersionCommand(
    [property: Id(0)] Guid BaseVersionId,
    [property: Id(1)] string Source,
    [property: Id(2)] string? Entrypoint,
    [property: Id(3)] string? ChangeSummary);
