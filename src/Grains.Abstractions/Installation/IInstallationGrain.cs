namespace Skriptoteket.Grains.Abstractions.Installation;

/// <summary>
/// The one record of this installation: when it was first started and how often hosts have started since.
/// Lets operators (and the restart test) see that grain state outlives a process.
/// </summary>
[Alias("Skriptoteket.IInstallationGrain")]
public interface IInstallationGrain : IGrainWithStringKey
{
    /// <summary>Key of the single installation grain.</summary>
    const string Key = "installation";

    /// <summary>Records that a host named <paramref name="siloName"/> started and returns the updated record.</summary>
    [Alias("RecordHostStart")]
    Task<InstallationInfo> RecordHostStartAsync(string siloName);

    /// <summary>Returns the current record.</summary>
    [Alias("Get")]
    Task<InstallationInfo> GetAsync();
}
