using System.Text.Json;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// The default output caps, read from runner-image/caps.json (embedded at build): the same file the runner image
/// falls back on for a cap a job leaves out, so each number is written once. The host always sends every cap, so
/// an operator's setting (Execution:*Cap*) reaches the container.
/// </summary>
internal static class RunnerCaps
{
    private static readonly Lazy<Dictionary<string, long>> Defaults = new(Load);

    public static int Int(string name) => checked((int)Long(name));

    public static long Long(string name) =>
        Defaults.Value.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"runner-image/caps.json has no cap \"{name}\".");

    private static Dictionary<string, long> Load()
    {
        using var stream = typeof(RunnerCaps).Assembly.GetManifestResourceStream("Skriptoteket.RunnerCaps.json")
                           ?? throw new InvalidOperationException("runner-image/caps.json is not embedded in Skriptoteket.Grains.");
        return JsonSerializer.Deserialize<Dictionary<string, long>>(stream)!;
    }
}
