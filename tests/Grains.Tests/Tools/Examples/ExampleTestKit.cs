using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Tools.Examples;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Tests.Tools.Examples;

/// <summary>A tool with a class choice and a threshold, scripts whose output the tests change, and a wait for checks.</summary>
internal static class ExampleTestKit
{
    public static readonly ToolInputs ClassAndThreshold = new(
        [
            new InputField("klass", FieldKind.OneChoice, "Klass", "Vilken klass?", Required: true, Options: ["7A", "7B", "7C"]),
            new InputField("grans", FieldKind.Integer, "Gräns", Default: "10", Min: "0", Max: "100"),
        ],
        new FileInputs(0, 1, [".csv"]));

    /// <summary>A notice and a table that depend on the class.</summary>
    public const string First =
        """
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            klass = st.field("klass")
            rows = [["Ada", 12], ["Bo", 7]] if klass != "7C" else [["Cecilia", 3]]
            return [st.notice(f"Klass {klass}, gräns {st.field('grans')}"), st.table(["Namn", "Poäng"], rows)]
        """;

    /// <summary>7A gets another score for Bo (changed), 7B fails, 7C is as before (unchanged).</summary>
    public const string Second =
        """
        import skriptoteket as st

        def run_tool(input_path, output_dir):
            klass = st.field("klass")
            if klass == "7B":
                raise ValueError("kolumnen saknas")
            rows = [["Ada", 12], ["Bo", 8]] if klass != "7C" else [["Cecilia", 3]]
            return [st.notice(f"Klass {klass}, gräns {st.field('grans')}"), st.table(["Namn", "Poäng"], rows)]
        """;

    public static NewExample Example(string name, string klass) => new(name, $$"""{"klass": "{{klass}}", "grans": 5}""", []);

    /// <summary>Polls the version's checks until none is pending (the checks run in the background).</summary>
    public static async Task<IReadOnlyList<ExampleCheck>> SettledAsync(IToolExamplesGrain examples, ActingUser actor, Guid versionId,
        int expectedCount, int seconds = 120)
    {
        return await Eventually.GetAsync(() => examples.ListChecksAsync(actor, versionId),
            checks => checks.Count == expectedCount && checks.All(c => c.Status != ExampleCheckStatus.Pending),
            TimeSpan.FromSeconds(seconds), $"{expectedCount} checks of {versionId} settled", TimeSpan.FromMilliseconds(500),
            describe: checks => string.Join(", ", checks.Select(c => $"{c.ExampleName}={c.Status}")));
    }

    public static async Task<ToolVersionHeader> SaveAsync(IToolGrain tool, ActingUser actor, Guid baseId, string source) =>
        await tool.SaveAsync(actor, new SaveVersionCommand(baseId, source, null, "Ändring", ClassAndThreshold));
}
