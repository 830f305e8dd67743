using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Skriptoteket.EndToEnd.Tests.Tools;

/// <summary>
/// Set-up through the JSON API for what the browser walk does not own: accounts (identity) and the script
/// version work (the editor belongs to the authoring area).
/// </summary>
internal sealed class ApiHelper(HttpClient http, string csrf) : IDisposable
{
    public static async Task<ApiHelper> LoginAsync(Uri baseAddress, string email, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new ApiHelper(http, json.RootElement.GetProperty("csrfToken").GetString()!);
    }

    public async Task<JsonElement> PostAsync(string path, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.Add("X-CSRF-TOKEN", csrf);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A call whose refusal is the point: the status, whatever it is (refusals carry the error body).</summary>
    public async Task<(HttpStatusCode Status, string Body)> TryAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            request.Content = JsonContent.Create(body ?? new { });
            request.Headers.Add("X-CSRF-TOKEN", csrf);
        }
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A tool for teachers (profession larare, category administration) without any version; returns its id.</summary>
    public async Task<string> CreateToolAsync(string slug, string title, string summary)
    {
        var tool = await PostAsync("api/v1/tools", new
        {
            slug, title, summary, usageMarkdown = "", professions = new[] { "larare" }, categories = new[] { "administration" },
        });
        return tool.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// A tool for teachers and its first draft saved with this script and field/file declaration; returns the tool's
    /// id. The studio walks start from here.
    /// </summary>
    public async Task<string> CreateToolWithDraftAsync(string slug, string title, string summary, string source, string changeSummary, object inputs)
    {
        var toolId = await CreateToolAsync(slug, title, summary);
        var draft = (await PostAsync($"api/v1/tools/{toolId}/versions")).GetProperty("id").GetString();
        await PostAsync($"api/v1/tool-versions/{draft}", new { baseVersionId = draft, source, changeSummary, inputs });
        return toolId;
    }

    /// <summary>
    /// A published teachers' tool through the real path: its draft saved with this script and declaration, reviewed,
    /// published as the active version and shown in the catalog; returns the tool's id.
    /// </summary>
    public async Task<string> PublishToolAsync(string slug, string title, string summary, string source, object inputs)
    {
        var toolId = await CreateToolWithDraftAsync(slug, title, summary, source, "Första", inputs);
        var head = (await GetAsync($"api/v1/tools/{toolId}/versions")).EnumerateArray()
            .Single(v => v.GetProperty("isHead").GetBoolean()).GetProperty("id").GetString();
        await PostAsync($"api/v1/tool-versions/{head}/submit-review", new { });
        await PostAsync($"api/v1/tool-versions/{head}/publish", new { });
        await PostAsync($"api/v1/tools/{toolId}/publish");
        return toolId;
    }

    /// <summary>Accounts are created as user or contributor; an admin is made through a nomination (identity's rule).</summary>
    public async Task CreateUserAsync(string email, string password, string role)
    {
        var created = await PostAsync("api/v1/users",
            new { email, displayName = role + " " + email[..6], password, role = role == "admin" ? "contributor" : role });
        if (role == "admin")
        {
            var nomination = await PostAsync("api/v1/nominations", new { userId = created.GetProperty("id").GetGuid(), rationale = "Verktygsansvarig" });
            await PostAsync($"api/v1/nominations/{nomination.GetProperty("id").GetGuid()}/approve", new { note = "Ja" });
        }
    }

    public void Dispose() => http.Dispose();
}
