namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>
/// A problem found in a script before it runs. Code: "syntax" (Detail is Python's own message),
/// "entrypoint_missing" or "entrypoint_shape" (Detail is the entrypoint's name). Line and Column are 1-based.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ScriptProblem")]
public sealed record ScriptProblem(
    [property: Id(0)] string Code,
    [property: Id(1)] int Line,
    [property: Id(2)] int Column,
    [property: Id(3)] string Detail)
{
    public const string Syntax = "syntax";
    public const string EntrypointMissing = "entrypoint_missing";
    public const string EntrypointShape = "entrypoint_shape";
}
