using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>
/// What a new draft holds when it does not start from the starter script or another version: a tool brought in
/// whole (the shipped example tools). Checked like a save (<see cref="SaveVersionCommand"/>); Entrypoint null means
/// run_tool, Inputs null the run contract v1 declaration.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.DraftContent")]
public sealed record DraftContent(
    [property: Id(0)] string Source,
    [property: Id(1)] string? Entrypoint,
    [property: Id(2)] string? ChangeSummary,
    [property: Id(3)] ToolInputs? Inputs = null);
