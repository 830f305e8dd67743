namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>A profession's ordered categories, each with its published tools.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ProfessionCatalog")]
public sealed record ProfessionCatalog(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Label,
    [property: Id(2)] IReadOnlyList<CategoryTools> Categories);
