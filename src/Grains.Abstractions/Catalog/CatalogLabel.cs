namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>A profession or category: stable slug, changeable label (Swedish) and its English label, if any.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.CatalogLabel")]
public sealed record CatalogLabel(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Label,
    [property: Id(2)] string? LabelEn = null);
