namespace Skriptoteket.Web.Identity;

/// <summary>
/// A short device description for a person's list of sessions, read from the User-Agent at login: a browser and a
/// system from fixed lists ("Chrome|Windows"). The raw header is never stored or shown: it is long, and it is
/// whatever the client claims.
/// </summary>
public static class DeviceName
{
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari"; iPhones also say "Mac OS X",
    // Android also says "Linux".
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("EdgA/", "Edge"), ("EdgiOS/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"), ("Chrome/", "Chrome"), ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"), ("Android", "Android"), ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
    ];

    /// <summary>"Browser|System" (either part empty when unknown); null when neither is recognised.</summary>
    public static string? From(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return null;
        }
        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return browser is null && system is null ? null : $"{browser}|{system}";
    }

    private static string? Find((string Marker, string Name)[] list, string userAgent) =>
        list.FirstOrDefault(e => userAgent.Contains(e.Marker, StringComparison.Ordinal)).Name;
}
