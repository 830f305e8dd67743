namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>A published, runnable tool in a catalog list.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolCard")]
public sealed record ToolCard(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Title,
    [property: Id(3)] string Summary);
