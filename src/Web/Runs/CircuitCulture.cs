using System.Globalization;

namespace Skriptoteket.Web.Runs;

/// <summary>
/// Grain notifications arrive on Orleans' threads, whose culture is not the circuit's: without this a live update
/// would render in the default language and number format instead of the person's choice.
/// </summary>
public static class CircuitCulture
{
    /// <summary>Wraps <paramref name="callback"/> so it runs in the culture of the caller (the circuit) at this moment.</summary>
    public static Func<T, Task> Keep<T>(Func<T, Task> callback)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        return value =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            return callback(value);
        };
    }
}
