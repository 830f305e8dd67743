using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Components.Runs;

namespace Skriptoteket.Web.Tests;

/// <summary>The run view shows script HTML only inside a sandboxed iframe with a strict CSP, and logs only when allowed.</summary>
public sealed class RunViewTests : IAsyncLifetime
{
    // MudBlazor services are only async-disposable: the context is disposed asynchronously.
    private readonly BunitContext context = new();

    public RunViewTests()
    {
        context.Services.AddMudServices();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    private IRenderedComponent<RunView> Render(Action<ComponentParameterCollectionBuilder<RunView>> parameters)
    {
        // The host's default language; the labels come from the app's resources.
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("sv");
        return context.Render(parameters);
    }

    private static RunInfo Run(RunStatus status, string html = "<script>alert(1)</script><p>Hej</p>", string? error = null) =>
        new(Guid.NewGuid(), RunKind.Production, status, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null,
            new RunOutput(html, false, "hemlig stdout", false, "Traceback hemlig", false, error,
                [new RunArtifact(0, "Resultat.xlsx", 2048, "ab")], []),
            [], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "silo");

    [Fact]
    public void Result_html_is_shown_only_in_a_sandboxed_iframe_without_scripts()
    {
        var view = Render(p => p.Add(v => v.Run, Run(RunStatus.Succeeded)));

        var frame = view.Find("iframe");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("default-src 'none'", frame.GetAttribute("srcdoc"));
        Assert.Contains("<p>Hej</p>", frame.GetAttribute("srcdoc"));
        Assert.Empty(view.FindAll("script"));
        Assert.DoesNotContain("hemlig", view.Markup);
        Assert.Contains("/artifacts/0", view.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Failure_shows_the_friendly_error_and_logs_only_when_allowed()
    {
        var run = Run(RunStatus.Failed, "", "ValueError: Filen saknar kolumnen betyg.");

        var forTeacher = Render(p => p.Add(v => v.Run, run));
        var forAdmin = Render(p => p.Add(v => v.Run, run).Add(v => v.ShowLogs, true));

        Assert.Contains("Filen saknar kolumnen betyg.", forTeacher.Find("[data-testid=run-error]").TextContent);
        Assert.DoesNotContain("Traceback", forTeacher.Markup);
        Assert.Contains("Misslyckades", forTeacher.Find("[data-testid=run-status]").TextContent);
        Assert.Contains("stdout", forAdmin.Markup);
    }

    [Fact]
    public void Queued_run_shows_its_position()
    {
        var view = Render(p => p.Add(v => v.Run, Run(RunStatus.Queued, "") with { QueuePosition = 3 }));

        Assert.Contains("Plats i kön: 3", view.Find("[data-testid=queue-position]").TextContent);
    }
}
