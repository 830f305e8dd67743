using Microsoft.Playwright;

namespace Skriptoteket.EndToEnd.Tests.Teacher;

/// <summary>
/// The security headers on a page, an API response and the Orleans dashboard, and proof that the policy
/// does not break what it protects: Blazor goes interactive and the dashboard draws, with no CSP violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityHeaderTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Pages_api_and_dashboard_carry_the_security_headers_and_still_work_under_the_policy()
    {
        var page = await BrowserSteps.LoginAsSuperuserAsync(fixture);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        var home = await page.GotoAsync("/");
        await BrowserSteps.WaitInteractiveAsync(page);
        var headers = await home!.AllHeadersAsync();
        AssertCommon(headers);
        var csp = headers["content-security-policy"];
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);

        var api = await page.APIRequest.GetAsync("/api/v1/my-runs");
        Assert.Equal(200, api.Status);
        AssertCommon(api.Headers);
        Assert.Contains("default-src 'none'", api.Headers["content-security-policy"]);

        var dashboard = await page.GotoAsync("/dashboard");
        Assert.Equal(200, dashboard!.Status);
        AssertCommon(await dashboard.AllHeadersAsync());
        // The dashboard's own script fills its menu: it ran under the policy.
        await Assertions.Expect(page.Locator("#menu a").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private static void AssertCommon(IReadOnlyDictionary<string, string> headers)
    {
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("strict-origin-when-cross-origin", headers["referrer-policy"]);
        Assert.Contains("camera=()", headers["permissions-policy"]);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        // Plain HTTP on loopback: HSTS is only sent over HTTPS (checked in the unit tests of the headers).
        Assert.False(headers.ContainsKey("strict-transport-security"));
    }
}
