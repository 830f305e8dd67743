namespace Skriptoteket.Grains.Installation;

[GenerateSerializer, Alias("Skriptoteket.InstallationState")]
public sealed class InstallationState
{
    [Id(0)] public Guid InstallationId { get; set; }
    [Id(1)] public DateTimeOffset FirstStartedAt { get; set; }
    [Id(2)] public DateTimeOffset LastStartedAt { get; set; }
    [Id(3)] public int HostStarts { get; set; }
    [Id(4)] public string LastSiloName { get; set; } = "";
}
