namespace Skriptoteket.Silo.Hosting;

/// <summary>Reads settings the host cannot start without, failing with a message that names the setting.</summary>
internal static class RequiredSettings
{
    public static string Get(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"Missing required setting '{key}' (environment variable {key.Replace(":", "__")}). " +
                "See docs/configuration.md.");
        }
        return value;
    }
}
