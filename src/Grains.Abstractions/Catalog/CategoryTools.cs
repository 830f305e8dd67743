namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>One category of a profession with its published tools.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.CategoryTools")]
public sealed record CategoryTools(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Label,
    [property: Id(2)] IReadOnlyList<ToolCard> Tools,
    [property: Id(3)] string? LabelEn = null);
