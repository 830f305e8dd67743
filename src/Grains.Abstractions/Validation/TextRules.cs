using System.Globalization;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Abstractions.Validation;

/// <summary>
/// The one place that says what text the product accepts (used by the grains, so the Blazor forms and the API
/// share it): present when required, within the field's documented maximum (TextLimits), and free of what
/// PostgreSQL cannot store or no person types — NUL and the other C0 control characters except tab, newline and
/// carriage return, and lone UTF-16 surrogates. Every refusal names the field in Swedish.
/// </summary>
public static class TextRules
{
    /// <summary>Trimmed text that must be present (1..max characters).</summary>
    public static string Required(string? value, string field, int max)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0)
        {
            throw DomainException.Invalid($"{field} saknas.", "Text.Missing", field);
        }
        return Checked(text, field, max);
    }

    /// <summary>Text that must be sent (null is refused) but may be empty; trimmed.</summary>
    public static string Present(string? value, string field, int max) =>
        value is null ? throw DomainException.Invalid($"{field} saknas.", "Text.Missing", field) : Checked(value.Trim(), field, max);

    /// <summary>Trimmed text that may be empty (a missing value becomes "").</summary>
    public static string Optional(string? value, string field, int max) => Checked((value ?? "").Trim(), field, max);

    /// <summary>Trimmed text where empty means "none" (null).</summary>
    public static string? OptionalOrNull(string? value, string field, int max)
    {
        var text = Optional(value, field, max);
        return text.Length == 0 ? null : text;
    }

    /// <summary>Text kept exactly as typed (a script, a password): only length and characters are checked.</summary>
    public static string Exact(string? value, string field, int max) =>
        value is null ? throw DomainException.Invalid($"{field} saknas.", "Text.Missing", field) : Checked(value, field, max);

    /// <summary>A list of slugs or names: present, at most <paramref name="maxItems"/>, each one checked.</summary>
    public static IReadOnlyList<string> List(IReadOnlyList<string?>? values, string field, int maxItems, int maxLength)
    {
        if (values is null)
        {
            throw DomainException.Invalid($"{field} saknas.", "Text.Missing", field);
        }
        if (values.Count > maxItems)
        {
            throw DomainException.Invalid($"{field}: högst {maxItems} val.", "Text.TooManyItems", field, maxItems.ToString(CultureInfo.InvariantCulture));
        }
        return values.Select(v => v is null
            ? throw DomainException.Invalid($"{field} innehåller ett tomt värde.", "Text.EmptyItem", field)
            : Checked(v.Trim(), field, maxLength)).ToList();
    }

    /// <summary>The first <paramref name="max"/> characters, never cutting a surrogate pair in two.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }

    /// <summary>True when PostgreSQL can store the text and it holds nothing a person would not type.</summary>
    public static bool IsStorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Replaces every character IsStorable refuses with U+FFFD. Used only to heal objects saved before these
    /// rules existed, so that they can be written to their rows again; new input is refused, never scrubbed.
    /// </summary>
    public static string Scrub(string text)
    {
        if (IsStorable(text))
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (c < ' ' && c is not ('\t' or '\n' or '\r')))
            {
                chars[i] = '\uFFFD';
            }
        }
        return new string(chars);
    }

    /// <summary>Scrub for an optional text.</summary>
    public static string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);

    /// <summary>Refuses a text longer than <paramref name="max"/> characters (the documented limit, TextLimits).</summary>
    public static string WithinLength(string text, string field, int max) =>
        text.Length > max
            ? throw DomainException.Invalid($"{field} får vara högst {Thousands(max)} tecken.", "Text.TooLong", field, Thousands(max))
            : text;

    private static string Thousands(int n) => n.ToString("N0", CultureInfo.InvariantCulture).Replace(',', ' ');

    private static string Checked(string text, string field, int max)
    {
        WithinLength(text, field, max);
        if (!IsStorable(text))
        {
            throw DomainException.Invalid(
                $"{field} innehåller tecken som inte kan sparas (till exempel NUL eller andra osynliga styrtecken). Ta bort dem och försök igen.",
                "Text.Unstorable", field);
        }
        return text;
    }
}
