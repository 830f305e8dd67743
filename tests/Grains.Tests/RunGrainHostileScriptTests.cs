using Docker.DotNet;
using Docker.DotNet.Models;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
using Skriptoteket.TestSupport;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// Hostile scripts started through a run grain (not the execution service directly): the grain's record, the
/// runs row and the live updates all end in the right state with a safe summary, and no container is left.
/// The container limits themselves are asserted in Runner.Tests; here it is the grain that must record them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunGrainHostileScriptTests(ClusterFixture fixture)
{
    public static TheoryData<string, string, RunStatus, string> Scripts => new()
    {
        { "memory hog", "def run_tool(i, o):\n    a = []\n    while True:\n        a.append(bytearray(50_000_000))\n", RunStatus.Failed, "minne" },
        { "disk fill", "def run_tool(i, o):\n    f = open('/work/fill', 'wb')\n    while True:\n        f.write(b'x' * 1_000_000)\n", RunStatus.Failed, "" },
        { "network", "import socket\ndef run_tool(i, o):\n    socket.create_connection(('10.0.0.1', 80), timeout=2)\n", RunStatus.Failed, "" },
        { "raises", "def run_tool(i, o):\n    raise ValueError('Kolumnen Betyg saknas')\n", RunStatus.Failed, "Kolumnen Betyg saknas" },
        { "print flood", "def run_tool(i, o):\n    while True:\n        print('x' * 10000)\n", RunStatus.TimedOut, "" },
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Hostile_script_run_through_its_grain_is_recorded_with_its_status_and_cleaned_up(
        string name, string source, RunStatus expected, string summaryContains)
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, source, admin.UserId, published: false);
        var runId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IRunGrain>(runId);

        await grain.StartAsync(RunRequest.Sandbox(versionId, admin, []));
        var watcher = await RunGrainTests.WatchAsync(fixture, grain, admin);
        var done = await watcher.FinishedAsync();

        Assert.True(expected == done.Status, $"{name}: {done.Status} {done.ErrorSummary}");
        Assert.False(string.IsNullOrWhiteSpace(done.ErrorSummary), $"{name}: a failed run must explain itself");
        Assert.Contains(summaryContains, done.ErrorSummary);
        // The friendly summary never carries the author's traceback; that stays in stderr for admins.
        Assert.DoesNotContain("Traceback", done.ErrorSummary);
        Assert.Equal(RunSpelling.Status(expected), await fixture.Database.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{runId}'"));
        Assert.Equal(done.ErrorSummary, await fixture.Database.ScalarAsync<string>($"SELECT error_summary FROM runs WHERE id = '{runId}'"));
        Assert.NotNull(await fixture.Database.ScalarAsync<DateTime?>($"SELECT finished_at FROM runs WHERE id = '{runId}'"));
        Assert.Empty(await ContainersOfRunAsync(runId));
        if (name == "print flood")
        {
            Assert.True(done.OutputTruncated);
            Assert.True(await fixture.Database.ScalarAsync<bool>($"SELECT output_truncated FROM runs WHERE id = '{runId}'"));
        }
        if (name == "memory hog")
        {
            Assert.True(await fixture.Database.ScalarAsync<bool>($"SELECT oom_killed FROM runs WHERE id = '{runId}'"));
        }
    }

    private static async Task<IList<ContainerListResponse>> ContainersOfRunAsync(Guid runId)
    {
        using var docker = new DockerClientConfiguration(new Uri(new ExecutionOptions().DockerEndpoint)).CreateClient();
        return await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.RunId}={runId}"] = true },
            },
        });
    }
}
