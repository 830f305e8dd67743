namespace Skriptoteket.Grains.Abstractions.Installation;

[GenerateSerializer, Immutable, Alias("Skriptoteket.InstallationInfo")]
public sealed record InstallationInfo(
    [property: Id(0)] Guid InstallationId,
    [property: Id(1)] DateTimeOffset FirstStartedAt,
    [property: Id(2)] DateTimeOffset LastStartedAt,
    [property: Id(3)] int HostStarts,
    [property: Id(4)] string LastSiloName);
