namespace Skriptoteket.Grains.Abstractions.Tools;

/// <summary>What an admin edits about a tool; professions and categories are slugs from the allowlists.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolMetadata")]
public sealed record ToolMetadata(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Title,
    [property: Id(2)] string Summary,
    [property: Id(3)] string UsageMarkdown,
    [property: Id(4)] IReadOnlyList<string> Professions,
    [property: Id(5)] IReadOnlyList<string> Categories);
