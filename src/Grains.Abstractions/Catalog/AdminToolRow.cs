namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>A row of the admin tools list: catalog state, active version number, versions waiting for review.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.AdminToolRow")]
public sealed record AdminToolRow(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Slug,
    [property: Id(2)] string Title,
    [property: Id(3)] bool IsPublished,
    [property: Id(4)] int? ActiveVersionNumber,
    [property: Id(5)] int PendingReviews,
    [property: Id(6)] DateTimeOffset UpdatedAt);
