using System.Globalization;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Localization;

/// <summary>
/// Turns a refusal from the grains into text in the active language. Swedish is the grains' own message
/// (written for the person acting); other languages use the error's key and arguments
/// ("Error.{Key}" in Strings.*.resx), or, for a refusal that has no key yet, a sentence per error code.
/// </summary>
public static class ErrorText
{
    public static string For(IStringLocalizer localizer, DomainException error)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv")
        {
            return error.Message;
        }
        if (error.Key is { } key && localizer[$"Error.{key}", [.. error.Arguments]] is { ResourceNotFound: false } text)
        {
            return text;
        }
        return localizer[$"Error.Code.{error.Code}"];
    }

    /// <summary>One refused field value (FieldValueRules) in the active language: "Field.{Key}" with its arguments.</summary>
    public static string For(IStringLocalizer localizer, FieldProblem problem)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "sv")
        {
            return problem.Message;
        }
        return problem.Key.Length > 0 && localizer[$"Field.{problem.Key}", [.. problem.Values]] is { ResourceNotFound: false } text
            ? text
            : localizer["Error.Code.Validation"];
    }
}
