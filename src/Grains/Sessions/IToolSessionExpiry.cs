namespace Skriptoteket.Grains.Sessions;

/// <summary>The retention sweep's call on a session grain (not part of the public contract).</summary>
[Alias("Skriptoteket.IToolSessionExpiry")]
public interface IToolSessionExpiry : IGrainWithStringKey
{
    /// <summary>Ends the session if its time has run out (its files deleted): the names of the files removed; null when it lives on.</summary>
    [Alias("Expire")]
    Task<IReadOnlyList<string>?> ExpireAsync();
}
