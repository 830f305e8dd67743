using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

[GenerateSerializer, Alias("Skriptoteket.UserAccountState")]
public sealed class UserAccountState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string Email { get; set; } = "";
    [Id(2)] public string DisplayName { get; set; } = "";
    [Id(3)] public Role Role { get; set; }
    [Id(4)] public bool IsActive { get; set; }
    [Id(5)] public string? PasswordHash { get; set; }
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public DateTimeOffset UpdatedAt { get; set; }
    [Id(8)] public string? PreferredLanguage { get; set; }
    [Id(9)] public bool MustChangePassword { get; set; }

    public UserAccountState Copy() => (UserAccountState)MemberwiseClone();
}
