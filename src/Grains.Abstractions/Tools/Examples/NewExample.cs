using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>A new example: its name, field values (JSON object, as the run form sends them) and input files.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.NewExample")]
public sealed record NewExample(
    [property: Id(0)] string Name,
    [property: Id(1)] string? FieldValuesJson,
    [property: Id(2)] IReadOnlyList<RunInputFile> Files);
