using Skriptoteket.EndToEnd.Tests.Teacher;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>An open Blazor circuit notices that its session was revoked (here by a role change) and leaves for the login.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionRevocationTests(BrowserFixture fixture)
{
    private const string Password = "Ett-långt-lösenord-42";

    [Fact]
    public async Task A_demoted_admins_open_page_signs_out_within_the_revalidation_interval()
    {
        using var superuser = await ApiAsync(BrowserFixture.SuperuserEmail, BrowserFixture.SuperuserPassword);
        var (page, id) = await OpenUsersPageAsNewAdminAsync(superuser, "Blivande admin");
        await SendAsync(superuser, HttpMethod.Put, $"api/v1/users/{id}/role", new { role = "user" });

        // The circuit re-checks its session every 30 s; allow one interval plus slack.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/login\\?returnUrl="), new() { Timeout = 100_000 });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_demoted_admins_open_page_cannot_act_with_the_old_role_before_it_revalidates()
    {
        using var superuser = await ApiAsync(BrowserFixture.SuperuserEmail, BrowserFixture.SuperuserPassword);
        var (page, id) = await OpenUsersPageAsNewAdminAsync(superuser, "Snart före detta admin");
        await SendAsync(superuser, HttpMethod.Put, $"api/v1/users/{id}/role", new { role = "user" });

        // Well within the revalidation interval: the circuit still believes it is an admin's.
        var newEmail = $"ny-{Guid.NewGuid():N}@skola.test";
        await page.GetByLabel("E-post", new() { Exact = true }).First.FillAsync(newEmail);
        await page.GetByLabel("Namn", new() { Exact = true }).First.FillAsync("Ska inte finnas");
        await page.GetByLabel("Lösenord (minst 12 tecken)").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa konto" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Du har inte behörighet till detta.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Kontot skapades.")).Not.ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>Makes a new admin (created, nominated, approved) and opens /admin/users as them, interactive.</summary>
    private async Task<(IPage Page, Guid UserId)> OpenUsersPageAsNewAdminAsync(ApiClient superuser, string displayName)
    {
        var email = $"admin-{Guid.NewGuid():N}@skola.test";
        var created = await SendAsync(superuser, HttpMethod.Post, "api/v1/users",
            new { email, displayName, password = Password, role = "contributor" });
        var id = created.GetProperty("id").GetGuid();
        var nomination = await SendAsync(superuser, HttpMethod.Post, "api/v1/nominations", new { userId = id, rationale = "Test" });
        await SendAsync(superuser, HttpMethod.Post, $"api/v1/nominations/{nomination.GetProperty("id").GetGuid()}/approve", new { });

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2Fadmin%2Fusers");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Användare" })).ToBeVisibleAsync();
        await BrowserSteps.WaitInteractiveAsync(page);
        return (page, id);
    }

    private async Task<ApiClient> ApiAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = fixture.Host.BaseAddress };
        using var response = await http.PostAsJsonAsync("api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ApiClient(http, json.GetProperty("csrfToken").GetString()!);
    }

    private static async Task<JsonElement> SendAsync(ApiClient client, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", client.CsrfToken);
        using var response = await client.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed record ApiClient(HttpClient Http, string CsrfToken) : IDisposable
    {
        public void Dispose() => Http.Dispose();
    }
}
