using Bunit;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Components.Runs;

namespace Skriptoteket.Components.Tests;

/// <summary>The run view in every state a teacher can meet: queued, running, succeeded, failed, timed out.</summary>
public sealed class RunViewStateTests : ComponentContext
{
    private IRenderedComponent<RunView> Render(RunInfo run, bool cancelable = false) =>
        Context.Render<RunView>(p =>
        {
            p.Add(v => v.Run, run);
            if (cancelable)
            {
                p.Add(v => v.OnCancel, () => { });
            }
        });

    [Fact]
    public void Queued_shows_the_place_in_the_queue_a_busy_indicator_and_cancel()
    {
        Speak("sv");
        var view = Render(RunStates.Of(RunStatus.Queued), cancelable: true);

        Assert.Equal("I kö", view.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Equal("false", view.Find("[data-testid=run-status]").GetAttribute("data-finished"));
        Assert.Equal("Plats i kön: 2", view.Find("[data-testid=queue-position]").TextContent.Trim());
        Assert.NotEmpty(view.FindAll(".mud-progress-circular"));
        Assert.Equal("Avbryt", view.Find("[data-testid=run-cancel]").TextContent.Trim());
        Assert.Empty(view.FindAll("iframe"));
    }

    [Fact]
    public void Running_shows_no_queue_place_and_no_result_yet()
    {
        Speak("sv");
        var view = Render(RunStates.Of(RunStatus.Running));

        Assert.Equal("Körs", view.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Empty(view.FindAll("[data-testid=queue-position]"));
        Assert.Empty(view.FindAll("[data-testid=run-cancel]"));
        Assert.Empty(view.FindAll("[data-testid=run-duration]"));
        Assert.Empty(view.FindAll("iframe"));
    }

    [Fact]
    public void Succeeded_shows_the_sandboxed_result_the_duration_and_downloads_as_plain_links()
    {
        Speak("sv");
        var run = RunStates.Of(RunStatus.Succeeded);
        var view = Render(run);

        Assert.Equal("Klar", view.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Equal("true", view.Find("[data-testid=run-status]").GetAttribute("data-finished"));
        Assert.Equal("Tog 2,5 s", view.Find("[data-testid=run-duration]").TextContent.Trim());
        var frame = view.Find("iframe.run-result");
        Assert.Equal("", frame.GetAttribute("sandbox"));
        Assert.Contains("3 elever", frame.GetAttribute("srcdoc"));
        var link = view.Find("[data-testid=run-downloads] a");
        // A real <a href> is reachable by Tab and opened by Enter without any script.
        Assert.Equal($"/api/v1/tool-runs/{run.RunId}/artifacts/0", link.GetAttribute("href"));
        Assert.Equal("Resultat.xlsx", link.GetAttribute("download"));
        Assert.Empty(view.FindAll("[data-testid=run-error]"));
        Assert.DoesNotContain("stdout-text", view.Markup);
    }

    [Fact]
    public void Failed_shows_the_scripts_message_and_no_logs_for_the_teacher()
    {
        Speak("sv");
        var view = Render(RunStates.Of(RunStatus.Failed));

        Assert.Equal("Misslyckades", view.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Equal("Filen saknar kolumnen betyg.", view.Find("[data-testid=run-error]").TextContent.Trim());
        Assert.DoesNotContain("stderr-text", view.Markup);
    }

    [Fact]
    public void Timed_out_explains_what_happened_in_the_active_language()
    {
        Speak("en");
        var view = Render(RunStates.Of(RunStatus.TimedOut));

        Assert.Equal("Timed out", view.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.StartsWith("The tool took too long and was stopped.", view.Find("[data-testid=run-error]").TextContent.Trim());
        Assert.Equal("Took 2.5 s", view.Find("[data-testid=run-duration]").TextContent.Trim());
    }
}
