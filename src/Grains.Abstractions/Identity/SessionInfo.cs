namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>
/// One live session as its owner sees it on "Mitt konto". Browser and Os are names from a short fixed list
/// (read from the User-Agent at login), null when unknown; IsCurrent marks the session asking.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.SessionInfo")]
public sealed record SessionInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string? Browser,
    [property: Id(2)] string? Os,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset LastSeenAt,
    [property: Id(5)] bool IsCurrent);
