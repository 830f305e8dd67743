using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Skriptoteket.Cluster.Tests;

/// <summary>The runs API of a web node as the operator (first superuser) uses it: login, start, read, download.</summary>
public sealed class ClusterApi : IDisposable
{
    private readonly HttpClient http;
    private string csrf = "";

    private ClusterApi(HttpClient http) => this.http = http;

    public static async Task<ClusterApi> LoginAsync(Uri webNode)
    {
        var api = new ClusterApi(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = webNode,
            // Hundreds of requests wait their turn on two cores.
            Timeout = TimeSpan.FromMinutes(3),
        });
        using var login = await api.http.PostAsJsonAsync("api/v1/auth/login",
            new { email = ClusterTestBase.OperatorEmail, password = ClusterTestBase.OperatorPassword });
        var body = await login.Content.ReadAsStringAsync();
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"login: {(int)login.StatusCode} {body}");
        api.csrf = JsonDocument.Parse(body).RootElement.GetProperty("csrfToken").GetString()!;
        return api;
    }

    /// <summary>Starts a production run of the tool with one text file; returns the status code and the body.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> StartAsync(string slug, string fileContent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/v1/tools/{slug}/run")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(fileContent)), "files", "indata.txt" } },
        };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Starts a run that must be accepted; returns its id.</summary>
    public async Task<Guid> StartAcceptedAsync(string slug, string fileContent)
    {
        var (status, body) = await StartAsync(slug, fileContent);
        Assert.True(status == HttpStatusCode.Accepted, $"run refused: {(int)status} {body}");
        return body.GetProperty("runId").GetGuid();
    }

    public async Task<JsonElement> GetRunAsync(Guid runId)
    {
        using var response = await http.GetAsync($"api/v1/tool-runs/{runId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"run {runId}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Re-reads the run until it is final.</summary>
    public Task<JsonElement> WaitForFinishedAsync(Guid runId, TimeSpan limit) =>
        Eventually.GetAsync(() => GetRunAsync(runId), run => run.GetProperty("isFinished").GetBoolean(), limit,
            $"run {runId} final", TimeSpan.FromMilliseconds(250));

    public async Task<string> DownloadAsync(Guid runId, int artifactId)
    {
        using var response = await http.GetAsync($"api/v1/tool-runs/{runId}/artifacts/{artifactId}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"download of run {runId}: {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    public void Dispose() => http.Dispose();
}
