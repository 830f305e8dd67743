using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Identity;

/// <summary>Field rules for a new account, with messages an admin can act on.</summary>
public static class NewAccountRules
{
    public static string ValidEmail(string? email)
    {
        var value = TextRules.Required(email, "E-postadressen", TextLimits.Email);
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
        return TextRules.Required(name, "Namnet", TextLimits.DisplayName);
    }
}
