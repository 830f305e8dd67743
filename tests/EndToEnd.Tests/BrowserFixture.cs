using Microsoft.Playwright;
using Skriptoteket.TestSupport;

namespace Skriptoteket.EndToEnd.Tests;

/// <summary>
/// One headless Chromium (Debian's, no downloaded browser) and one real host on a fresh database,
/// shared by the browser tests of a collection. Each test opens its own browser context (own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public HostProcess Host { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>Password of the first superuser the host creates (from SKRIPTOTEKET_SUPERUSER_PASSWORD).</summary>
    public const string SuperuserEmail = "rektor@skola.test";
    public const string SuperuserPassword = "Superhemligt-lösenord-1";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync("e2e", migrate: false);
        Host = await HostProcess.StartAsync(Database.ConnectionString, new Dictionary<string, string>
        {
            ["SKRIPTOTEKET_SUPERUSER_EMAIL"] = SuperuserEmail,
            ["SKRIPTOTEKET_SUPERUSER_PASSWORD"] = SuperuserPassword,
        });
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = TestEnvironment.Require("SKRIPTOTEKET_CHROMIUM"),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// Test pages ask for reduced motion: a finished run's result then comes into view at once instead of gliding
    /// (run-view.js), so the walks' clicks right after a result land where they aim (a click during a scroll can be
    /// routed to the result's frame). RunFeedbackTests covers the smooth default.
    /// </summary>
    public const ReducedMotion StillMotion = ReducedMotion.Reduce;

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            Locale = "sv-SE",
            ReducedMotion = StillMotion,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        playwright?.Dispose();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Runs a long walk; when it fails, the end of the host's log goes to the test output beside the failure.</summary>
    public Task ShowingHostLogOnFailureAsync(Xunit.Abstractions.ITestOutputHelper output, Func<Task> walk) =>
        Host.ExplainingFailuresAsync(output, walk);
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
