namespace Skriptoteket.Grains.Abstractions.Catalog;

/// <summary>A version the acting user created ("My drafts").</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.MyVersionRow")]
public sealed record MyVersionRow(
    [property: Id(0)] Guid ToolId,
    [property: Id(1)] string ToolTitle,
    [property: Id(2)] Guid VersionId,
    [property: Id(3)] int Number,
    [property: Id(4)] string State,
    [property: Id(5)] DateTimeOffset CreatedAt);
