using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Web.Tests.Tools;

/// <summary>A signed-in API caller: its own cookie jar and the csrfToken from login, sent on every state change.</summary>
internal sealed class ApiSession : IDisposable
{
    private readonly HttpClient http;
    private readonly string csrf;
    private readonly HostProcess? host;

    private ApiSession(HttpClient http, string csrf, Guid userId, HostProcess? host = null)
    {
        this.http = http;
        this.csrf = csrf;
        this.host = host;
        UserId = userId;
    }

    public Guid UserId { get; }

    /// <summary>A caller without a session (no cookie, no CSRF token).</summary>
    public static ApiSession Anonymous(Uri baseAddress) => new(NewClient(baseAddress), "", Guid.Empty);

    public static HttpClient NewClient(Uri baseAddress) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };

    /// <param name="host">The host answering, when the test started it: a 500 answer then shows its log lines.</param>
    public static async Task<ApiSession> LoginAsync(Uri baseAddress, string email, string password, HostProcess? host = null)
    {
        var http = NewClient(baseAddress);
        using var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"login {email}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return new ApiSession(http, json.RootElement.GetProperty("csrfToken").GetString()!,
            json.RootElement.GetProperty("user").GetProperty("id").GetGuid(), host);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        return SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
    }

    /// <summary>POST of one uploaded file as multipart form data (the run endpoints).</summary>
    public Task<HttpResponseMessage> PostFileAsync(string path, string fileName, string content) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(content)), "files", fileName } },
        });

    /// <summary>Sends a request as built by the caller (any content), with this session's cookie and CSRF token.</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request) => SendAsync(request);

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (csrf.Length > 0)
        {
            request.Headers.Add("X-CSRF-TOKEN", csrf);
        }
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    /// <summary>Sends and returns the JSON body, asserting the status code.</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)status}, got {(int)response.StatusCode} {text}{host?.ExplainInternal(text)}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
