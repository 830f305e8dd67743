using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// The staff meeting (issue 23: a principal says "run it now"): every teacher has an account and a session of their
/// own, they start the pandas + openpyxl sample tool spread over a few seconds through the web node, and each waits for
/// the result with <c>GET tool-runs/{id}?wait=</c>. Counts refusals and failures, the furthest queue position a
/// teacher was shown, and the time from each teacher's click to their result.
/// </summary>
internal static class StaffBurst
{
    public sealed record Figures(int Teachers, double SpreadSeconds, int Succeeded, int Refused, int Failed, int FurthestQueuePosition,
        Timings ToResult, double WholeSeconds);

    public static async Task<Figures> RunAsync(PlatformPath host, string slug, string fileName, byte[] file, int teachers, TimeSpan spread)
    {
        var sessions = new List<(HttpClient Http, string Csrf)>();
        for (var i = 0; i < teachers; i++)
        {
            sessions.Add(await host.NewTeacherAsync(i));
        }
        var results = new (bool Refused, string Status, int QueuePosition, double Ms)[teachers];
        var whole = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select(async (session, i) =>
        {
            await Task.Delay(spread * i / teachers); // the clicks come over the spread, not all in one millisecond
            var clock = Stopwatch.StartNew();
            using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "files", fileName } };
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/tools/{slug}/run") { Content = form };
            request.Headers.Add("X-CSRF-TOKEN", session.Csrf);
            using var started = await session.Http.SendAsync(request);
            if (!started.IsSuccessStatusCode)
            {
                results[i] = (true, $"{(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}", 0, clock.Elapsed.TotalMilliseconds);
                return;
            }
            var run = await started.Content.ReadFromJsonAsync<JsonElement>();
            var position = run.GetProperty("queuePosition").ValueKind == JsonValueKind.Number ? run.GetProperty("queuePosition").GetInt32() : 0;
            var runId = run.GetProperty("runId").GetGuid();
            while (!run.GetProperty("isFinished").GetBoolean())
            {
                run = await session.Http.GetFromJsonAsync<JsonElement>($"api/v1/tool-runs/{runId}?wait=50");
            }
            results[i] = (false, run.GetProperty("status").GetString()!, position, clock.Elapsed.TotalMilliseconds);
        }));
        var wholeSeconds = whole.Elapsed.TotalSeconds;
        foreach (var (http, _) in sessions)
        {
            http.Dispose();
        }
        foreach (var problem in results.Where(r => r.Refused || r.Status != "succeeded").Take(3))
        {
            Console.WriteLine($"  staff burst: a teacher got {problem.Status}");
        }
        return new Figures(teachers, spread.TotalSeconds, results.Count(r => r.Status == "succeeded"), results.Count(r => r.Refused),
            results.Count(r => !r.Refused && r.Status != "succeeded"), results.Max(r => r.QueuePosition),
            new Timings("staff burst: click to result", results.Where(r => !r.Refused).Select(r => r.Ms).ToList()), wholeSeconds);
    }
}
