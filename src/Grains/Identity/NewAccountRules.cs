using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Identity;

/// <summary>Field rules for a new account, with messages an admin can act on.</summary>
public static class NewAccountRules
{
    public static string ValidEmail(string? email)
    {
        var value = (email ?? "").Trim();
        var at = value.IndexOf('@');
        if (value.Length is 0 or > 320 || at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1
            || value.Any(char.IsWhiteSpace))
        {
            throw DomainException.Invalid("Ange en giltig e-postadress.");
        }
        return value;
    }

    public static string ValidDisplayName(string? name)
    {
        var value = (name ?? "").Trim();
        if (value.Length is 0 or > 200)
        {
            throw DomainException.Invalid("Ange ett namn (högst 200 tecken).");
        }
        return value;
    }
}
