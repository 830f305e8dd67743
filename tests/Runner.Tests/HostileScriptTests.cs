using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Runner.Tests;

/// <summary>
/// Hostile scripts each end as a run with the right status while a normal run started at the same time still
/// succeeds, and no container of either is left behind.
/// </summary>
[Collection(RunnerCollection.Name)]
public sealed class HostileScriptTests(RunnerFixture fixture)
{
    private const string Normal = """
        def run_tool(input_path, output_dir):
            return "<p>normal</p>"
        """;

    // A script that ends by itself gets time to spare on a loaded machine: the memory hog must reach the memory
    // limit (more to fill in a plain warm container, without pandas) before a timeout could end it instead.
    private const int Short = 3, Spare = 15;

    public static TheoryData<string, string, int, RunStatus[]> Scripts => new()
    {
        { "infinite loop", HostileScripts.InfiniteLoop, Short, [RunStatus.TimedOut] },
        { "memory hog", HostileScripts.MemoryHog, Spare, [RunStatus.Failed] },
        { "background child", HostileScripts.BackgroundChild, Short, [RunStatus.Succeeded] },
        // Stopped by PidsLimit: the script either fails on fork's error or loops until the timeout.
        { "fork bomb", HostileScripts.ForkBomb, Short, [RunStatus.Failed, RunStatus.TimedOut] },
        { "disk fill", HostileScripts.DiskFill("/work"), Spare, [RunStatus.Failed] },
        { "network", HostileScripts.Network, Spare, [RunStatus.Failed] },
        { "print flood", HostileScripts.PrintForever, Short, [RunStatus.TimedOut] },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Hostile_script_ends_with_its_status_beside_a_normal_run(string name, string source, int timeoutSeconds, RunStatus[] expected)
    {
        var hostileId = Guid.NewGuid();
        var normalId = Guid.NewGuid();
        var hostile = fixture.RunAsync(hostileId, source, timeoutSeconds, CancellationToken.None);
        var normal = fixture.RunAsync(normalId, Normal, 10, CancellationToken.None);

        var outcome = await hostile;
        var normalOutcome = await normal;

        Assert.True(expected.Contains(outcome.Completion.Status), $"{name}: {outcome.Completion.Status} {outcome.Completion.Output.ErrorSummary} {outcome.Completion.InternalError}");
        Assert.Null(outcome.Completion.InternalError);
        Assert.Equal(RunStatus.Succeeded, normalOutcome.Completion.Status);
        Assert.Equal("<p>normal</p>", normalOutcome.Completion.Output.Html);
        Assert.Empty(await fixture.ContainersOfRunAsync(hostileId));
        Assert.Empty(await fixture.ContainersOfRunAsync(normalId));
    }

    [Fact]
    public async Task Memory_hog_is_reported_as_out_of_memory()
    {
        var outcome = await fixture.RunAsync(HostileScripts.MemoryHog);

        Assert.Equal(RunStatus.Failed, outcome.Completion.Status);
        Assert.True(outcome.Completion.OomKilled);
        Assert.Contains("minne", outcome.Completion.Output.ErrorSummary);
    }

    [Fact]
    public async Task Fork_bomb_is_stopped_by_the_pids_limit()
    {
        var outcome = await fixture.RunAsync(HostileScripts.ForkBomb, timeoutSeconds: 4);

        Assert.Contains(outcome.Completion.Status, new[] { RunStatus.Failed, RunStatus.TimedOut });
        Assert.Null(outcome.Completion.InternalError);
    }

    [Theory]
    [InlineData("/work")]
    [InlineData("/tmp")]
    public async Task Filling_a_writable_folder_stops_at_its_size_limit(string folder)
    {
        var outcome = await fixture.RunAsync($$"""
            def run_tool(i, o):
                written = 0
                chunk = b"x" * 1_000_000
                try:
                    with open("{{folder}}/fill.bin", "wb") as f:
                        while written < 2_000_000_000:
                            f.write(chunk)
                            f.flush()
                            written += len(chunk)
                except OSError as e:
                    return f"stopped errno={e.errno} after={written // 1_000_000}"
                return "never stopped"
            """, timeoutSeconds: 20);

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.StartsWith("stopped errno=28", outcome.Completion.Output.Html);
    }

    [Fact]
    public async Task Symlinks_and_paths_leaving_the_output_folder_are_never_stored()
    {
        var outcome = await fixture.RunAsync(HostileScripts.SymlinkAndEscape);

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal(["ok.txt"], outcome.Completion.Output.Artifacts.Select(a => a.Name));
        Assert.Contains(outcome.Completion.Output.SkippedArtifacts, s => s.Name == "link_passwd" && s.Reason == "symlink");
    }

    [Fact]
    public async Task Stdout_and_stderr_floods_are_cut_to_their_caps()
    {
        var outcome = await fixture.RunAsync(HostileScripts.StdoutAndStderrFlood, timeoutSeconds: 20);

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.True(outcome.Completion.Output.StdoutTruncated);
        Assert.True(outcome.Completion.Output.StderrTruncated);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(outcome.Completion.Output.Stdout) <= fixture.Options.StdoutCapBytes);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(outcome.Completion.Output.Stderr) <= fixture.Options.StderrCapBytes);
    }

    [Fact]
    public async Task Huge_html_is_cut_to_its_cap()
    {
        var outcome = await fixture.RunAsync(HostileScripts.HugeHtml);

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.True(outcome.Completion.Output.HtmlTruncated);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(outcome.Completion.Output.Html) <= fixture.Options.HtmlCapBytes);
    }

    [Fact]
    public async Task Thousands_of_artifacts_are_cut_to_the_count_cap()
    {
        var outcome = await fixture.RunAsync(HostileScripts.ThousandsOfArtifacts, timeoutSeconds: 20);

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.Equal(fixture.Options.ArtifactCountCap, outcome.Completion.Output.Artifacts.Count);
        Assert.Contains(outcome.Completion.Output.SkippedArtifacts, s => s.Reason == "too_many");
    }

    [Fact]
    public async Task Environment_holds_no_secrets_of_the_host()
    {
        var secret = TestEnvironment.AdminConnectionString;
        var outcome = await fixture.RunAsync(HostileScripts.EnvironmentDump);

        Assert.Equal(RunStatus.Succeeded, outcome.Completion.Status);
        Assert.DoesNotContain("Password", outcome.Completion.Output.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, outcome.Completion.Output.Html);
        Assert.DoesNotContain("ConnectionStrings", outcome.Completion.Output.Html);
    }
}
