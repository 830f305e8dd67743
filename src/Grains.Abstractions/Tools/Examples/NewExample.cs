using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>
/// A new example: its name, field values (JSON object, as the run form sends them), input files and, for a tool with
/// follow-up steps, the steps to take after the first run in order (<see cref="Steps"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.NewExample")]
public sealed record NewExample(
    [property: Id(0)] string Name,
    [property: Id(1)] string? FieldValuesJson,
    [property: Id(2)] IReadOnlyList<RunInputFile> Files)
{
    [Id(3)]
    public IReadOnlyList<ExampleStep> Steps { get; init; } = [];
}
