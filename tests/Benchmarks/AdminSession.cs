using System.Net.Http.Json;
using System.Text.Json;

namespace Skriptoteket.Benchmarks;

/// <summary>
/// The superuser's signed-in session with a host or a cluster's web node: makes the teachers of the bursts, each an
/// account and a session of their own.
/// </summary>
internal sealed class AdminSession(HttpClient http, string csrf, Guid userId) : IDisposable
{
    public const string Email = "rektor@benchmark.test";
    public const string Password = "Benchmarkens-lösenord-1";

    /// <summary>The settings that make a fresh database's first start create this superuser.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["SKRIPTOTEKET_SUPERUSER_EMAIL"] = Email,
        ["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = Password,
    };

    public HttpClient Http => http;

    public string Csrf => csrf;

    public Guid UserId => userId;

    public static async Task<AdminSession> LoginAsync(Uri baseAddress)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = baseAddress };
        try
        {
            using var login = await http.PostAsJsonAsync("api/v1/auth/login", new { email = Email, password = Password });
            login.EnsureSuccessStatusCode();
            var me = await login.Content.ReadFromJsonAsync<JsonElement>();
            return new AdminSession(http, me.GetProperty("csrfToken").GetString()!, me.GetProperty("user").GetProperty("id").GetGuid());
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>A teacher's account made by the superuser, and that teacher's own signed-in session.</summary>
    public async Task<TeacherSession> NewTeacherAsync(int number)
    {
        var email = $"larare{number}-{Guid.NewGuid():N}@benchmark.test";
        await SendAsync(HttpMethod.Post, "api/v1/users", new { email, displayName = $"Lärare {number}", password = Password, role = "user" });
        var teacher = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = http.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var login = await teacher.PostAsJsonAsync("api/v1/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        return new TeacherSession(teacher, (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("csrfToken").GetString()!);
    }

    /// <summary>Sends an unsafe API request with the CSRF token and fails loudly on a refusal.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
