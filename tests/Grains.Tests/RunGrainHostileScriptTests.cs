using Docker.DotNet;
using Docker.DotNet.Models;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Runs;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// Every hostile script of the execution issue started through a run grain (not the execution service directly):
/// the grain's record, its runs row and its live updates end in the right state, a normal run started right
/// after it still succeeds on the same silo, and no container is left. Runner.Tests asserts the container limits
/// themselves; here it is what the grain records.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunGrainHostileScriptTests(ClusterFixture fixture)
{
    /// <summary>A sandbox run needs the file its (undeclared, run contract v1) version asks for, like a production run.</summary>
    private static readonly RunInputFile AFile = new("namn.txt", "Ada"u8.ToArray());

    private const string Normal = "def run_tool(i, o):\n    return '<p>normal</p>'\n";

    public static TheoryData<string, string, RunStatus[]> Scripts => new()
    {
        { "infinite loop", HostileScripts.InfiniteLoop, [RunStatus.TimedOut] },
        // Stopped by PidsLimit: the script either fails on fork's error or loops until the timeout.
        { "fork bomb", HostileScripts.ForkBomb, [RunStatus.Failed, RunStatus.TimedOut] },
        { "memory hog", HostileScripts.MemoryHog, [RunStatus.Failed] },
        { "disk fill /work", HostileScripts.DiskFill("/work"), [RunStatus.Failed] },
        { "disk fill /tmp", HostileScripts.DiskFill("/tmp"), [RunStatus.Failed] },
        { "network", HostileScripts.Network, [RunStatus.Failed] },
        { "raises", "def run_tool(i, o):\n    raise ValueError('Kolumnen Betyg saknas')\n", [RunStatus.Failed] },
        // PostgreSQL text refuses NUL: the message must still reach the runs row, made storable.
        { "NUL in the error message", "def run_tool(i, o):\n    raise ValueError('Kolumn\\x00Betyg')\n", [RunStatus.Failed] },
        { "NUL in a ToolUserError", "import skriptoteket as st\ndef run_tool(i, o):\n    raise st.ToolUserError('Kolumn\\x00Betyg')\n", [RunStatus.Failed] },
        // Output blocks past every cap, with NUL and lone surrogates the runs row must still store.
        { "hostile blocks", HostileScripts.HostileBlocks, [RunStatus.Succeeded] },
        { "symlink and ..", HostileScripts.SymlinkAndEscape, [RunStatus.Succeeded] },
        { "background child", HostileScripts.BackgroundChild, [RunStatus.Succeeded] },
        { "stdout and stderr flood", HostileScripts.StdoutAndStderrFlood, [RunStatus.Succeeded] },
        { "huge html", HostileScripts.HugeHtml, [RunStatus.Succeeded] },
        { "thousands of artifacts", HostileScripts.ThousandsOfArtifacts, [RunStatus.Succeeded] },
        { "environment secrets", HostileScripts.EnvironmentDump, [RunStatus.Succeeded] },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Hostile_script_run_through_its_grain_is_recorded_and_the_silo_goes_on(string name, string source, RunStatus[] expected)
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var hostile = await StartAsync(source, admin);
        var normal = await StartAsync(Normal, admin);

        var done = await (await RunGrainTests.WatchAsync(fixture, hostile.Grain, admin)).FinishedAsync();
        var normalDone = await (await RunGrainTests.WatchAsync(fixture, normal.Grain, admin)).FinishedAsync();

        Assert.True(expected.Contains(done.Status), $"{name}: {done.Status} {done.Output.ErrorSummary}");
        Assert.Equal(RunText.Status(done.Status), await Row<string>(hostile.RunId, "status"));
        Assert.Equal(done.Output.ErrorSummary, await Row<string>(hostile.RunId, "error_summary"));
        Assert.Equal(done.Output.ErrorDetail, await Row<string>(hostile.RunId, "error_detail"));
        Assert.Equal(done.Output.Blocks.Count, await Row<int>(hostile.RunId, "jsonb_array_length(blocks)"));
        Assert.NotEqual(default, await Row<DateTime>(hostile.RunId, "finished_at"));
        if (done.Status != RunStatus.Succeeded)
        {
            Assert.False(string.IsNullOrWhiteSpace(done.Output.ErrorSummary), $"{name}: a failed run must explain itself");
            Assert.DoesNotContain("Traceback", done.Output.ErrorSummary); // the traceback stays in stderr, for admins
        }
        AssertWhatIsSpecialAbout(name, done);
        Assert.Equal(RunStatus.Succeeded, normalDone.Status);
        Assert.Equal("<p>normal</p>", normalDone.Output.Html);
        Assert.Empty(await RunContainers.OfRunAsync(hostile.RunId));
        Assert.Empty(await RunContainers.OfRunAsync(normal.RunId));
    }

    private static void AssertWhatIsSpecialAbout(string name, RunInfo run)
    {
        switch (name)
        {
            case "memory hog":
                Assert.Contains("minne", run.Output.ErrorSummary);
                break;
            case "raises":
                // The teacher's text names no exception; the author (here an admin) reads it in the detail.
                Assert.Equal(RunReference.UnexpectedFailure(run.RunId), run.Output.ErrorSummary);
                Assert.Equal("ValueError: Kolumnen Betyg saknas", run.Output.ErrorDetail);
                Assert.Contains("Traceback", run.Output.Stderr);
                break;
            case "NUL in the error message":
                Assert.Equal("ValueError: Kolumn\uFFFDBetyg", run.Output.ErrorDetail);
                break;
            case "NUL in a ToolUserError":
                Assert.Equal("Kolumn\uFFFDBetyg", run.Output.ErrorSummary);
                break;
            case "hostile blocks":
                Assert.True(run.Output.BlocksTruncated);
                Assert.Equal(new ExecutionOptions().BlockCountCap, run.Output.Blocks.Count);
                Assert.Equal(new ExecutionOptions().TableRowsCap, run.Output.Blocks[0].Rows.Count);
                break;
            case "symlink and ..":
                Assert.Equal(["ok.txt"], run.Output.Artifacts.Select(a => a.Name));
                Assert.Contains(run.Output.SkippedArtifacts, s => s.Name == "link_passwd" && s.Reason == "symlink");
                break;
            case "stdout and stderr flood":
            case "huge html":
                Assert.True(run.Output.Truncated);
                break;
            case "thousands of artifacts":
                Assert.Equal(new ExecutionOptions().ArtifactCountCap, run.Output.Artifacts.Count);
                Assert.Contains(run.Output.SkippedArtifacts, s => s.Reason == "too_many");
                break;
            case "environment secrets":
                Assert.DoesNotContain(TestEnvironment.AdminConnectionString, run.Output.Html);
                Assert.DoesNotContain("ConnectionStrings", run.Output.Html);
                Assert.DoesNotContain("Password", run.Output.Html, StringComparison.OrdinalIgnoreCase);
                break;
        }
    }

    private async Task<(Guid RunId, IRunGrain Grain)> StartAsync(string source, ActingUser admin)
    {
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, source, admin.UserId, published: false);
        var runId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IRunGrain>(runId);
        await grain.StartAsync(RunRequest.Sandbox(versionId, admin, [AFile]));
        return (runId, grain);
    }

    private async Task<T?> Row<T>(Guid runId, string column) =>
        await fixture.Database.ScalarAsync<object>($"SELECT {column} FROM runs WHERE id = '{runId}'") is T value ? value : default;

}
