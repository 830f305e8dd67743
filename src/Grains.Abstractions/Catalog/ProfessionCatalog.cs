namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>A profession's ordered categories, each with its published tools.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ProfessionCatalog")]
public sealed record ProfessionCatalog(
    [property: Id(0)] string Slug,
    [property: Id(1)] string Label,
    [property: Id(2)] IReadOnlyList<CategoryTools> Categories)
{
    /// <summary>Tool entries of the profession in all its categories (more than listed when a page was cut short).</summary>
    [Id(3)]
    public int ToolCount { get; init; }

    /// <summary>The English label, when the profession has one (the UI falls back to <see cref="Label"/>).</summary>
    [Id(4)]
    public string? LabelEn { get; init; }

    /// <summary>Tool entries listed in <see cref="Categories"/>.</summary>
    public int ListedCount => Categories.Sum(c => c.Tools.Count);
}
