using System.Globalization;

namespace Skriptoteket.Grains.Abstractions.Tools.Inputs;

/// <summary>
/// What a kind allows for Min/Max and how the canonical texts (Default, Min, Max) are read. Numbers use '.'
/// (a ',' is read as '.' too, as Swedish people write it); dates are YYYY-MM-DD.
/// </summary>
public static class FieldBounds
{
    public const int ShortTextMax = 200;
    public const int LongTextMax = 10_000;

    /// <summary>Largest magnitude of a number field (beyond it no school value lives, and JSON stays exact).</summary>
    public const decimal NumberLimit = 1_000_000_000_000m;

    public static bool HasBounds(FieldKind kind) => kind is not (FieldKind.YesNo or FieldKind.OneChoice);

    public static bool HasOptions(FieldKind kind) => kind is FieldKind.OneChoice or FieldKind.SeveralChoices;

    /// <summary>What Min/Max bound, for the form builder and messages: value, length or count.</summary>
    public static bool BoundsCount(FieldKind kind) => kind is FieldKind.ShortText or FieldKind.LongText or FieldKind.SeveralChoices;

    public static int TextMax(FieldKind kind) => kind == FieldKind.LongText ? LongTextMax : ShortTextMax;

    public static bool TryNumber(string? text, out decimal value) =>
        decimal.TryParse((text ?? "").Trim().Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value) && Math.Abs(value) <= NumberLimit;

    public static bool TryDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact((text ?? "").Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static bool TryCount(string? text, out int value) =>
        int.TryParse((text ?? "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>A bound as a comparable number (dates as day numbers); false when the text does not fit the kind.</summary>
    public static bool TryBound(FieldKind kind, string text, out decimal bound)
    {
        bound = 0;
        switch (kind)
        {
            case FieldKind.Integer:
                return TryNumber(text, out bound) && bound == decimal.Truncate(bound);
            case FieldKind.Decimal:
                return TryNumber(text, out bound);
            case FieldKind.Date:
                var ok = TryDate(text, out var date);
                bound = date.DayNumber;
                return ok;
            case FieldKind.ShortText or FieldKind.LongText or FieldKind.SeveralChoices:
                var counted = TryCount(text, out var count);
                bound = count;
                return counted;
            default:
                return false;
        }
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
