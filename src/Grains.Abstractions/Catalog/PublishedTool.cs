namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>The tool page of a published tool with an active version.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.PublishedTool")]
public sealed record PublishedTool(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Title,
    [property: Id(3)] string Summary,
    [property: Id(4)] string UsageMarkdown,
    [property: Id(5)] Guid ActiveVersionId);
