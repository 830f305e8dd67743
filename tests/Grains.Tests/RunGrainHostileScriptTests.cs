using Docker.DotNet;
using Docker.DotNet.Models;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Execution;
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
    private const string Normal = "def run_tool(i, o):\n    return '<p>normal</p>'\n";

    public static TheoryData<string, string, RunStatus[]> Scripts => new()
    {
        { "infinite loop", "def run_tool(i, o):\n    while True:\n        pass\n", [RunStatus.TimedOut] },
        // Stopped by PidsLimit: the script either fails on fork's error or loops until the timeout.
        { "fork bomb", "import os\ndef run_tool(i, o):\n    while True:\n        os.fork()\n", [RunStatus.Failed, RunStatus.TimedOut] },
        { "memory hog", "def run_tool(i, o):\n    a = []\n    while True:\n        a.append(bytearray(50_000_000))\n", [RunStatus.Failed] },
        { "disk fill /work", "def run_tool(i, o):\n    f = open('/work/fill', 'wb')\n    while True:\n        f.write(b'x' * 1_000_000)\n", [RunStatus.Failed] },
        { "disk fill /tmp", "def run_tool(i, o):\n    f = open('/tmp/fill', 'wb')\n    while True:\n        f.write(b'x' * 1_000_000)\n", [RunStatus.Failed] },
        { "network", "import socket\ndef run_tool(i, o):\n    socket.create_connection(('10.0.0.1', 80), timeout=2)\n", [RunStatus.Failed] },
        { "raises", "def run_tool(i, o):\n    raise ValueError('Kolumnen Betyg saknas')\n", [RunStatus.Failed] },
        { "symlink and ..", """
            import os
            def run_tool(i, o):
                os.symlink("/etc/passwd", os.path.join(o, "link_passwd"))
                with open(os.path.join(o, "..", "escape.txt"), "w") as f:
                    f.write("outside")
                with open(os.path.join(o, "ok.txt"), "w") as f:
                    f.write("fine")
                return "done"
            """, [RunStatus.Succeeded] },
        { "background child", """
            import subprocess
            def run_tool(i, o):
                subprocess.Popen(["sleep", "1000"], start_new_session=True)
                return "left a child"
            """, [RunStatus.Succeeded] },
        { "stdout and stderr flood", """
            import sys
            def run_tool(i, o):
                for _ in range(3000):
                    print("x" * 1000)
                    print("y" * 1000, file=sys.stderr)
                return "flooded"
            """, [RunStatus.Succeeded] },
        { "huge html", "def run_tool(i, o):\n    return '<p>' + 'å' * 5_000_000\n", [RunStatus.Succeeded] },
        { "thousands of artifacts", """
            import os
            def run_tool(i, o):
                for n in range(3000):
                    with open(os.path.join(o, f"f{n:05}.txt"), "w") as f:
                        f.write(str(n))
                return "many"
            """, [RunStatus.Succeeded] },
        { "environment secrets", """
            import os
            def run_tool(i, o):
                return "\n".join(f"{k}={v}" for k, v in sorted(os.environ.items()))
            """, [RunStatus.Succeeded] },
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

        Assert.True(expected.Contains(done.Status), $"{name}: {done.Status} {done.ErrorSummary}");
        Assert.Equal(RunSpelling.Status(done.Status), await Row<string>(hostile.RunId, "status"));
        Assert.Equal(done.ErrorSummary, await Row<string>(hostile.RunId, "error_summary"));
        Assert.NotEqual(default, await Row<DateTime>(hostile.RunId, "finished_at"));
        if (done.Status != RunStatus.Succeeded)
        {
            Assert.False(string.IsNullOrWhiteSpace(done.ErrorSummary), $"{name}: a failed run must explain itself");
            Assert.DoesNotContain("Traceback", done.ErrorSummary); // the traceback stays in stderr, for admins
        }
        AssertWhatIsSpecialAbout(name, done);
        Assert.Equal(RunStatus.Succeeded, normalDone.Status);
        Assert.Equal("<p>normal</p>", normalDone.Html);
        Assert.Empty(await ContainersOfRunAsync(hostile.RunId));
        Assert.Empty(await ContainersOfRunAsync(normal.RunId));
    }

    private static void AssertWhatIsSpecialAbout(string name, RunInfo run)
    {
        switch (name)
        {
            case "memory hog":
                Assert.Contains("minne", run.ErrorSummary);
                break;
            case "raises":
                Assert.Contains("Kolumnen Betyg saknas", run.ErrorSummary);
                Assert.Contains("Traceback", run.Stderr);
                break;
            case "symlink and ..":
                Assert.Equal(["ok.txt"], run.Artifacts.Select(a => a.Name));
                Assert.Contains(run.SkippedArtifacts, s => s.Name == "link_passwd" && s.Reason == "symlink");
                break;
            case "stdout and stderr flood":
            case "huge html":
                Assert.True(run.OutputTruncated);
                break;
            case "thousands of artifacts":
                Assert.Equal(new ExecutionOptions().ArtifactCountCap, run.Artifacts.Count);
                Assert.Contains(run.SkippedArtifacts, s => s.Reason == "too_many");
                break;
            case "environment secrets":
                Assert.DoesNotContain(TestEnvironment.AdminConnectionString, run.Html);
                Assert.DoesNotContain("ConnectionStrings", run.Html);
                break;
        }
    }

    private async Task<(Guid RunId, IRunGrain Grain)> StartAsync(string source, ActingUser admin)
    {
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, source, admin.UserId, published: false);
        var runId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IRunGrain>(runId);
        await grain.StartAsync(RunRequest.Sandbox(versionId, admin, []));
        return (runId, grain);
    }

    private async Task<T?> Row<T>(Guid runId, string column) =>
        await fixture.Database.ScalarAsync<object>($"SELECT {column} FROM runs WHERE id = '{runId}'") is T value ? value : default;

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
