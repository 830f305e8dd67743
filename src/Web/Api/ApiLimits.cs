namespace Skriptoteket.Web.Api;

/// <summary>Request limits of the API that the host's server settings are derived from.</summary>
public static class ApiLimits
{
    /// <summary>Longest path plus query string the API reads; longer ones get 414 with the error body.</summary>
    public const int MaxUrlLength = 8 * 1024;

    /// <summary>
    /// Kestrel's own request-line limit, set well above <see cref="MaxUrlLength"/> so that an over-long URL reaches
    /// the API's error contract instead of Kestrel's bare 414; only lines beyond this get the bare answer.
    /// </summary>
    public const int ServerRequestLineLimit = 512 * 1024;
}
