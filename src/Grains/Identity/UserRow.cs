using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

/// <summary>A row of the users table.</summary>
internal sealed record UserRow(
    Guid Id, string Email, string DisplayName, Role Role, bool IsActive, string? PasswordHash,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public UserInfo ToInfo() => new(Id, Email, DisplayName, Role, IsActive, CreatedAt, UpdatedAt);
}
