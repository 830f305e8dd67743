namespace Skriptoteket.Web.Security.Headers;

/// <summary>
/// A Content-Security-Policy as a set of directives, so a page family that needs one more source (the
/// Orleans dashboard, a code editor) adds it here in one line instead of editing a header string.
/// docs/security-headers.md explains every source that is not 'self' or 'none'.
/// </summary>
public sealed class ContentSecurityPolicy
{
    private readonly SortedDictionary<string, List<string>> directives = new(StringComparer.Ordinal);

    /// <summary>What every page of the application runs with (Blazor Server + MudBlazor).</summary>
    public static ContentSecurityPolicy ForApplication() => new ContentSecurityPolicy()
        .Allow("default-src", "'self'")
        // blazor.web.js and MudBlazor.min.js are files; no inline script and no eval anywhere.
        .Allow("script-src", "'self'")
        // Relaxation: MudBlazor sets positions and sizes through style attributes, and the script-result
        // frame (srcdoc, which inherits this policy) carries the script's own inline styles.
        .Allow("style-src", "'self'", "'unsafe-inline'")
        // Relaxation: images a script returns are inlined as data: URLs into the result frame.
        .Allow("img-src", "'self'", "data:")
        .Allow("font-src", "'self'", "data:")
        // The Blazor circuit's WebSocket is same-origin; 'self' covers ws:/wss: to this host.
        .Allow("connect-src", "'self'")
        .Allow("frame-src", "'self'")
        // Relaxation: the studio's code editor (Monaco) starts its language workers from blob: URLs,
        // which only script already running on this origin can create.
        .Allow("worker-src", "'self'", "blob:")
        .Allow("object-src", "'none'")
        .Allow("base-uri", "'self'")
        .Allow("form-action", "'self'")
        .Allow("frame-ancestors", "'none'");

    /// <summary>For JSON and file responses: nothing may load, run or frame them.</summary>
    public static ContentSecurityPolicy ForApi() => new ContentSecurityPolicy()
        .Allow("default-src", "'none'")
        .Allow("frame-ancestors", "'none'")
        .Allow("base-uri", "'none'")
        .Allow("form-action", "'none'");

    /// <summary>
    /// The Orleans dashboard (/dashboard) is a bundled app we do not control. Checked in Chromium: it loads one
    /// module script and one stylesheet from itself and sets inline styles, so the application's policy is
    /// enough; a relaxation it ever needs goes here, not into the pages' policy.
    /// </summary>
    public static ContentSecurityPolicy ForDashboard() => ForApplication();

    /// <summary>Adds sources to a directive (created if missing); duplicates are ignored.</summary>
    public ContentSecurityPolicy Allow(string directive, params string[] sources)
    {
        if (!directives.TryGetValue(directive, out var list))
        {
            directives[directive] = list = [];
        }
        foreach (var source in sources)
        {
            if (!list.Contains(source, StringComparer.Ordinal))
            {
                list.Add(source);
            }
        }
        return this;
    }

    /// <summary>The sources of one directive, for tests and docs.</summary>
    public IReadOnlyList<string> Sources(string directive) =>
        directives.TryGetValue(directive, out var list) ? list : [];

    public override string ToString() =>
        string.Join("; ", directives.Select(d => d.Value.Count == 0 ? d.Key : $"{d.Key} {string.Join(' ', d.Value)}"));
}
