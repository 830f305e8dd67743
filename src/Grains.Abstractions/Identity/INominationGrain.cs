namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>Admin nominations of one nominee (key: nominee's user id), serialized: nominate, then one decision.</summary>
[Alias("Skriptoteket.INominationGrain")]
public interface INominationGrain : IGrainWithGuidKey
{
    /// <summary>An admin or superuser nominates this user for admin with a rationale.</summary>
    [Alias("NominateAsync")]
    Task<NominationInfo> NominateAsync(ActingUser actor, string rationale);

    /// <summary>A superuser approves the pending nomination: the nominee becomes admin.</summary>
    [Alias("ApproveAsync")]
    Task<NominationInfo> ApproveAsync(ActingUser actor, Guid nominationId, string? note);

    /// <summary>A superuser denies the pending nomination: the role stays as it is.</summary>
    [Alias("DenyAsync")]
    Task<NominationInfo> DenyAsync(ActingUser actor, Guid nominationId, string? note);
}
