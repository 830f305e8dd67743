using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Identity;

/// <summary>Field rules of an account (new or changed by its owner), with messages a person can act on.</summary>
public static class NewAccountRules
{
    public static string ValidEmail(string? email)
    {
        var value = TextRules.Required(email, "E-postadressen", TextLimits.Email);
        var at = value.IndexOf('@');
        if (value.Length is 0 or > 320 || at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1
            || value.Any(char.IsWhiteSpace))
        {
            throw DomainException.Invalid("Ange en giltig e-postadress.", "Account.EmailInvalid");
        }
        return value;
    }

    public static string ValidDisplayName(string? name)
    {
        return TextRules.Required(name, "Namnet", TextLimits.DisplayName);
    }

    /// <summary>The languages of the interface (docs/web-ui.md): a person's preferred one is one of these.</summary>
    public static readonly IReadOnlyList<string> Languages = ["sv", "en"];

    public static string ValidLanguage(string? language) =>
        Languages.FirstOrDefault(l => l == language)
        ?? throw DomainException.Invalid("Välj språket svenska (sv) eller engelska (en).", "Account.Language");
}
