using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>A row of the users table.</summary>
internal sealed record UserRow(
    Guid Id, string Email, string DisplayName, Role Role, bool IsActive, string? PasswordHash,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? PreferredLanguage = null, bool MustChangePassword = false)
{
    /// <summary>Same account data as <paramref name="other"/>; timestamps are ignored (the database rounds them to microseconds).</summary>
    public bool Matches(UserRow? other) =>
        other is not null && other.Id == Id && other.Email == Email && other.DisplayName == DisplayName &&
        other.Role == Role && other.IsActive == IsActive && other.PasswordHash == PasswordHash &&
        other.PreferredLanguage == PreferredLanguage && other.MustChangePassword == MustChangePassword;

    public UserInfo ToInfo() => new(Id, Email, DisplayName, Role, IsActive, CreatedAt, UpdatedAt)
    {
        PreferredLanguage = PreferredLanguage, MustChangePassword = MustChangePassword,
    };

    public AuthenticatedUser ToAuthenticated() => new(Id, Email, DisplayName, Role)
    {
        PreferredLanguage = PreferredLanguage, MustChangePassword = MustChangePassword,
    };
}
