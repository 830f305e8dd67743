namespace Skriptoteket.Grains.Abstractions.Identity;

/// <summary>An admin nomination is pending until a superuser approves or denies it, once.</summary>
public enum NominationStatus
{
    Pending = 0,
    Approved = 1,
    Denied = 2,
}
