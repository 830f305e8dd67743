using Microsoft.AspNetCore.Identity;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Identity;

/// <summary>
/// Password strength and hashing with ASP.NET Core's PasswordHasher (PBKDF2, salted), the same format the
/// first-superuser bootstrap writes. Passwords are never logged or stored in clear.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = TextLimits.PasswordMinimum;

    public static readonly string TooShortMessage = $"Lösenordet måste vara minst {MinimumLength} tecken långt.";

    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object Subject = new();

    // Verified against when the account does not exist, so an unknown email costs the same time as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(Subject, Guid.NewGuid().ToString());

    public static void EnsureStrongEnough(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            throw DomainException.Invalid(TooShortMessage, "Password.TooShort", MinimumLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        TextRules.Exact(password, "Lösenordet", TextLimits.Password);
    }

    public static string Hash(string password) => Hasher.HashPassword(Subject, password);

    /// <summary>True when the password matches; with no hash it still spends the time of a real check.</summary>
    public static bool Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(Subject, hash ?? DecoyHash, password ?? "");
        return hash is not null && result != PasswordVerificationResult.Failed;
    }
}
