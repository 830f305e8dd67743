namespace Skriptoteket.Grains.Abstractions;

/// <summary>
/// The correlation id of a web request: answered in the X-Correlation-Id header, on every log line of the request,
/// and passed to grains in the Orleans request context, so a teacher's complaint leads to the run it concerns.
/// </summary>
public static class Correlation
{
    public const string Header = "X-Correlation-Id";

    /// <summary>Orleans request-context key (flows with every grain call made while handling the request).</summary>
    public const string RequestContextKey = "skriptoteket.correlation_id";

    public static string? Current => RequestContext.Get(RequestContextKey) as string;
}
