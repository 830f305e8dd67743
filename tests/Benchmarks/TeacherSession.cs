using System.Net.Http.Json;
using System.Text.Json;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// One teacher's own session: starts a run of a published tool or takes a step of its tool session, then waits for
/// the run with <c>GET tool-runs/{id}?wait=</c> (answered when the run's grain pushes its finish: no poll interval).
/// </summary>
internal sealed class TeacherSession(HttpClient http, string csrf) : IDisposable
{
    /// <summary>POST tools/{slug}/run with one file: the accepted run, or the refusal's status and body.</summary>
    public async Task<(JsonElement Run, string? Refusal)> StartAsync(string slug, string fileName, byte[] file)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "files", fileName } };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/v1/tools/{slug}/run") { Content = form });
    }

    /// <summary>POST tools/{slug}/session/steps: the step offered by <paramref name="fromRunId"/> with its values.</summary>
    public Task<(JsonElement Run, string? Refusal)> StepAsync(string slug, Guid fromRunId, string step, object values) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, $"api/v1/tools/{slug}/session/steps")
        {
            Content = JsonContent.Create(new { fromRunId, step, values }),
        });

    /// <summary>The run once finished (a wait that runs out in a long queue is simply asked again).</summary>
    public async Task<JsonElement> WaitAsync(JsonElement run)
    {
        var runId = run.GetProperty("runId").GetGuid();
        while (!run.GetProperty("isFinished").GetBoolean())
        {
            run = await http.GetFromJsonAsync<JsonElement>($"api/v1/tool-runs/{runId}?wait=50");
        }
        return run;
    }

    /// <summary>The queue position the accepted run showed (0: it was not queued).</summary>
    public static int QueuePosition(JsonElement run) =>
        run.GetProperty("queuePosition").ValueKind == JsonValueKind.Number ? run.GetProperty("queuePosition").GetInt32() : 0;

    private async Task<(JsonElement Run, string? Refusal)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            request.Headers.Add("X-CSRF-TOKEN", csrf);
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<JsonElement>(), null)
                : (default, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public void Dispose() => http.Dispose();
}
