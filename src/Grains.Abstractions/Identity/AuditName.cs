namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>What an id on an audit page stands for: a tool, user, version, run or example.</summary>
public enum AuditNameKind
{
    Tool,
    User,
    Version,
    Run,
    Example,
    Nomination,
}

/// <summary>
/// A readable name for an id on an audit page. Label: the tool's title, the user's name, the version's tool title,
/// the run's tool title, the example's name or the nominee's name. Secondary: the user's (or nominee's) e-mail or the version's number. ToolId: the
/// tool to link to (tools, versions, runs and examples).
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.AuditName")]
public sealed record AuditName(
    [property: Id(0)] AuditNameKind Kind,
    [property: Id(1)] string Label,
    [property: Id(2)] string? Secondary,
    [property: Id(3)] Guid? ToolId);
