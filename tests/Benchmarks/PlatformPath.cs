using System.Net.Http.Json;
using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// What a teacher waits for: POST tools/{slug}/run with a file, then the run's record until it is finished,
/// through a real host (web, run grain, queue, container, runs table) on a fresh database.
/// </summary>
internal sealed class PlatformPath : IAsyncDisposable
{
    private const string Email = "rektor@benchmark.test";
    private const string Password = "Benchmarkens-lösenord-1";

    private readonly TestDatabase database;
    private readonly HostProcess host;
    private readonly HttpClient http;
    private readonly string csrf;
    private readonly string slug;

    private PlatformPath(TestDatabase database, HostProcess host, HttpClient http, string csrf, string slug) =>
        (this.database, this.host, this.http, this.csrf, this.slug) = (database, host, http, csrf, slug);

    public static async Task<PlatformPath> StartAsync()
    {
        var database = await TestDatabase.CreateAsync("bench", migrate: false);
        HostProcess? host = null;
        try
        {
            host = await HostProcess.StartAsync(database.ConnectionString, new Dictionary<string, string>
            {
                ["SKRIPTOTEKET_SUPERUSER_EMAIL"] = Email,
                ["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = Password,
                ["DOTNET_ENVIRONMENT"] = "Production", // the figure is the product's, not a development build's
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            });
            var http = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = host.BaseAddress };
            using var login = await http.PostAsJsonAsync("api/v1/auth/login", new { email = Email, password = Password });
            login.EnsureSuccessStatusCode();
            var me = await login.Content.ReadFromJsonAsync<JsonElement>();
            var (_, _, slug) = await ToolRows.InsertAsync(database, ContainerPaths.TrivialScript,
                me.GetProperty("user").GetProperty("id").GetGuid(), published: true);
            return new PlatformPath(database, host, http, me.GetProperty("csrfToken").GetString()!, slug);
        }
        catch
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
            await database.DisposeAsync();
            throw;
        }
    }

    public async Task RunToFirstResultAsync()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent("namn\nAda\n"u8.ToArray()), "files", "elever.csv" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/tools/{slug}/run") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var started = await http.SendAsync(request);
        started.EnsureSuccessStatusCode();
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        while (true)
        {
            var run = await http.GetFromJsonAsync<JsonElement>($"api/v1/tool-runs/{runId}");
            switch (run.GetProperty("status").GetString())
            {
                case "succeeded":
                    return;
                case "queued" or "running":
                    await Task.Delay(10); // the poll interval bounds the error of this figure
                    continue;
                case var other:
                    throw new InvalidOperationException($"Trivial run ended {other}: {run}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
        await database.DisposeAsync();
    }
}
