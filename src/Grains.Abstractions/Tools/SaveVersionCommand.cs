using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>
/// A save from the editor: BaseVersionId is the version the editor was opened on. Inputs: the new declaration
/// of fields and files; null keeps the base version's.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SaveVersionCommand")]
public sealed record SaveVersionCommand(
    [property: Id(0)] Guid BaseVersionId,
    [property: Id(1)] string Source,
    [property: Id(2)] string? Entrypoint,
    [property: Id(3)] string? ChangeSummary,
    [property: Id(4)] ToolInputs? Inputs = null);
