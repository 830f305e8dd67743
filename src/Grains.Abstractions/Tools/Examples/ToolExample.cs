namespace Skriptoteket.Grains.Abstractions.Tools.Examples;

/// <summary>
/// A worked example of a tool (issue 13): a name, the field values as the run form sends them (a JSON object)
/// and input files. It belongs to the tool, not to a version, so it guards every new version
/// (docs/adr/0012-worked-examples.md). <see cref="Expected"/> is the accepted result, if any: the output of the
/// first run, or of the last of <see cref="Steps"/> when the example lists steps.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolExample")]
public sealed record ToolExample(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid ToolId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? FieldValuesJson,
    [property: Id(4)] IReadOnlyList<ExampleFile> Files,
    [property: Id(5)] ExpectedResult? Expected,
    [property: Id(6)] DateTimeOffset CreatedAt)
{
    /// <summary>The follow-up steps its checks take after the first run, in order; the expected result is the last one's.</summary>
    [Id(7)]
    public IReadOnlyList<ExampleStep> Steps { get; init; } = [];
}

/// <summary>One input file of an example (the bytes stay in PostgreSQL until a run needs them).</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ExampleFile")]
public sealed record ExampleFile(
    [property: Id(0)] string Name,
    [property: Id(1)] long Bytes);

/// <summary>
/// The normalized output of a run the author accepted (<see cref="ExampleOutput"/> lines joined by newlines),
/// with the version and run it was taken from.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ExpectedResult")]
public sealed record ExpectedResult(
    [property: Id(0)] string Text,
    [property: Id(1)] Guid FromVersionId,
    [property: Id(2)] Guid FromRunId,
    [property: Id(3)] Guid AcceptedBy,
    [property: Id(4)] DateTimeOffset AcceptedAt);
