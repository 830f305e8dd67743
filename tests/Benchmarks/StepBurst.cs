using System.Diagnostics;
using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// The staff meeting with an interactive tool (issue 23): each teacher runs the shipped three-step class split
/// (examples/tools/klassdelning) once: reads the class list, takes the offered step "dela" (group size, who must not
/// share a group), then "skriv_ut" (the groups as a PDF), waiting for each step's result with <c>?wait=</c>.
/// Times every step from click to result and the three steps together.
/// </summary>
internal static class StepBurst
{
    public sealed record Figures(string Where, int Teachers, double SpreadSeconds, int Completed, IReadOnlyList<Timings> Steps,
        Timings Whole, double WholeSeconds, IReadOnlyDictionary<string, int> Silos);

    private static string Folder => Path.Combine(RepositoryPaths.Root, "examples", "tools", "klassdelning");

    public static Task<string> SourceAsync() => File.ReadAllTextAsync(Path.Combine(Folder, "script.py"));

    public static async Task<Figures> RunAsync(string where, AdminSession admin, string database, string slug, int teachers, TimeSpan spread)
    {
        var classList = await File.ReadAllBytesAsync(Path.Combine(Folder, "exempel-klasslista.csv"));
        var sessions = new List<TeacherSession>();
        for (var i = 0; i < teachers; i++)
        {
            sessions.Add(await admin.NewTeacherAsync(1000 + i));
        }
        var steps = new double[3][];
        for (var s = 0; s < 3; s++)
        {
            steps[s] = new double[teachers];
        }
        var problems = new string?[teachers];
        var runIds = new List<Guid>();
        var whole = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async (session, i) =>
        {
            await Task.Delay(spread * i / teachers);
            var clock = Stopwatch.StartNew();
            var run = await StepOnceAsync(() => session.StartAsync(slug, "klasslista.csv", classList));
            steps[0][i] = clock.Elapsed.TotalMilliseconds;
            run = run is { } r1 && Offers(r1, "dela")
                ? await StepOnceAsync(() => session.StepAsync(slug, r1.GetProperty("runId").GetGuid(), "dela",
                    new { storlek = 3, isar = new[] { "Ada Lind", "Bo Ek" }, fro = i }))
                : Fail(i, "the first run", run);
            steps[1][i] = clock.Elapsed.TotalMilliseconds - steps[0][i];
            run = run is { } r2 && Offers(r2, "skriv_ut")
                ? await StepOnceAsync(() => session.StepAsync(slug, r2.GetProperty("runId").GetGuid(), "skriv_ut", new { rubrik = $"Grupper {i}" }))
                : Fail(i, "the step dela", run);
            steps[2][i] = clock.Elapsed.TotalMilliseconds - steps[0][i] - steps[1][i];
            if (run is not { } r3 || r3.GetProperty("artifacts").GetArrayLength() != 1)
            {
                Fail(i, "the step skriv_ut (one PDF)", run);
            }

            async Task<JsonElement?> StepOnceAsync(Func<Task<(JsonElement Run, string? Refusal)>> start)
            {
                var (accepted, refusal) = await start();
                if (refusal is not null)
                {
                    problems[i] ??= $"refused: {refusal}";
                    return null;
                }
                var done = await session.WaitAsync(accepted);
                lock (runIds)
                {
                    runIds.Add(done.GetProperty("runId").GetGuid());
                }
                return done.GetProperty("status").GetString() == "succeeded" ? done : Fail(i, "a step", done);
            }
        }));
        var wholeSeconds = whole.Elapsed.TotalSeconds;
        foreach (var session in sessions)
        {
            session.Dispose();
        }
        foreach (var problem in problems.Where(p => p is not null).Take(3))
        {
            Console.WriteLine($"  three-step burst ({where}): {problem}");
        }
        var done = Enumerable.Range(0, teachers).Where(i => problems[i] is null).ToList();
        string[] names = ["step 1 (read the list)", "step 2 (dela)", "step 3 (skriv_ut, PDF)"];
        return new Figures(where, teachers, spread.TotalSeconds, done.Count,
            [.. names.Select((name, s) => new Timings(name, [.. done.Select(i => steps[s][i])]))],
            new Timings("three steps", [.. done.Select(i => steps[0][i] + steps[1][i] + steps[2][i])]), wholeSeconds,
            await StaffBurst.SilosAsync(database, runIds));

        JsonElement? Fail(int teacher, string what, JsonElement? run)
        {
            problems[teacher] ??= run is not { } r ? $"{what} did not succeed"
                : r.GetProperty("status").GetString() == "succeeded" ? $"{what} succeeded without what comes next: {r.GetProperty("blocks")}"
                : $"{what} ended {r.GetProperty("status").GetString()}: {r.GetProperty("errorSummary")}";
            return null;
        }
    }

    /// <summary>Whether the finished run offers the named step (an output block of kind "step").</summary>
    private static bool Offers(JsonElement run, string step) =>
        run.GetProperty("blocks").EnumerateArray().Any(b => b.GetProperty("kind").GetString() == "step"
            && b.TryGetProperty("step", out var s) && s.ValueKind == JsonValueKind.Object && s.GetProperty("name").GetString() == step);
}
