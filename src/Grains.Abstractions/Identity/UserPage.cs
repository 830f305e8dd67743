namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>One page of a user search.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.UserPage")]
public sealed record UserPage(
    [property: Id(0)] IReadOnlyList<UserInfo> Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] long Total);
