namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>The allowlists in their order, for pickers and validation.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.CatalogTaxonomy")]
public sealed record CatalogTaxonomy(
    [property: Id(0)] IReadOnlyList<CatalogLabel> Professions,
    [property: Id(1)] IReadOnlyList<CatalogLabel> Categories);
