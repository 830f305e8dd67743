using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Skriptoteket.Web.Tests;

/// <summary>A signed-in API caller: its own cookie jar (the session cookie) and the session's CSRF token.</summary>
public sealed class ApiUser : IDisposable
{
    private ApiUser(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    /// <summary>
    /// Longer than the host's own limits (Orleans' 30 s response timeout, Npgsql's 30 s command timeout): a call
    /// that hangs inside the host ends in the host's own answer and log line, which say where it hung.
    /// </summary>
    private static readonly TimeSpan ServerAnswersFirst = TimeSpan.FromSeconds(60);

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public string? CsrfToken { get; private set; }

    public Guid Id { get; private set; }

    public string Role { get; private set; } = "";

    public static ApiUser Anonymous(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        return new ApiUser(new HttpClient(handler) { BaseAddress = baseAddress, Timeout = ServerAnswersFirst }, cookies);
    }

    public static async Task<ApiUser> LoginAsync(Uri baseAddress, string email, string password, string? userAgent = null)
    {
        var user = Anonymous(baseAddress);
        if (userAgent is not null)
        {
            user.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }
        using var response = await user.Http.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Login of {email} failed: {(int)response.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement;
        user.CsrfToken = json.GetProperty("csrfToken").GetString();
        user.Id = json.GetProperty("user").GetProperty("id").GetGuid();
        user.Role = json.GetProperty("user").GetProperty("role").GetString()!;
        return user;
    }

    /// <summary>A client that presents a given session id, e.g. one kept from before a logout or a restart.</summary>
    public static ApiUser WithSession(Uri baseAddress, string sessionId)
    {
        var user = Anonymous(baseAddress);
        user.Cookies.Add(baseAddress, new Cookie("skriptoteket_session", sessionId));
        return user;
    }

    public string? SessionCookie => Cookies.GetCookies(Http.BaseAddress!)["skriptoteket_session"]?.Value;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>Re-reads a run (at <paramref name="path"/>, tool-runs by default) until it has ended (the API has no push).</summary>
    public Task<JsonElement> WaitForFinishedAsync(Guid runId, string path = "api/v1/tool-runs") =>
        Eventually.GetAsync(() => GetAsync($"{path}/{runId}").ExpectAsync(HttpStatusCode.OK),
            run => run.GetProperty("status").GetString() is not ("queued" or "running"), TimeSpan.FromSeconds(120), $"run {runId} ended");

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, bool withCsrf = true, string? csrf = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        if (withCsrf && (csrf ?? CsrfToken) is { } token)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, bool withCsrf = true) =>
        SendAsync(HttpMethod.Post, path, body ?? new { }, withCsrf);

    public Task<HttpResponseMessage> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public void Dispose() => Http.Dispose();
}
