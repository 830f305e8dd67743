using Skriptoteket.TestSupport;
using System.Text;
using Skriptoteket.Grains.Abstractions.Errors;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Tests;

/// <summary>Run grains on the real cluster and the real Docker engine: who may run what, records, live updates, placement.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RunGrainTests(ClusterFixture fixture)
{
    internal const string Greeting = """
        def run_tool(input_path, output_dir):
            text = open(input_path, encoding="utf-8").read()
            with open(output_dir + "/kopia.txt", "w") as f:
                f.write(text)
            print("läste", len(text))
            return "<p>Hej " + text.strip() + "</p>"
        """;

    private static readonly RunInputFile Input = new("namn.txt", Encoding.UTF8.GetBytes("Astrid"));

    [Fact]
    public async Task Contributor_sandbox_run_of_own_version_succeeds_with_record_artifacts_and_live_updates()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (toolId, versionId, _) = await ToolRows.InsertAsync(fixture.Database, Greeting, author.UserId, published: false);
        var runId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IRunGrain>(runId);

        var started = await grain.StartAsync(RunRequest.Sandbox(versionId, author, [Input]));
        var watcher = await WatchAsync(grain, author);
        var done = await watcher.FinishedAsync();

        Assert.Equal(RunStatus.Queued, started.Status);
        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal("<p>Hej Astrid</p>", done.Output.Html);
        Assert.Contains("läste 6", done.Output.Stdout);
        Assert.Equal(["kopia.txt"], done.Output.Artifacts.Select(a => a.Name));
        Assert.Equal([new RunInputInfo("namn.txt", 6)], done.Inputs);
        Assert.Equal(ClusterFixture.PrimarySiloName, done.Silo);
        Assert.Equal(toolId, done.ToolId);
        Assert.Equal("succeeded", await fixture.Database.ScalarAsync<string>($"SELECT status FROM runs WHERE id = '{runId}'"));
        Assert.Equal("<p>Hej Astrid</p>", await fixture.Database.ScalarAsync<string>($"SELECT html FROM runs WHERE id = '{runId}'"));
    }

    [Fact]
    public async Task Production_run_uses_the_active_version_of_a_published_tool()
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var user = new ActingUser(Guid.NewGuid(), Role.User);
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, Greeting, admin.UserId, published: true);
        var grain = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());

        await grain.StartAsync(RunRequest.Production(slug, user, [Input]));
        var done = await (await WatchAsync(grain, user)).FinishedAsync();

        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal(RunKind.Production, done.Kind);
        var other = new ActingUser(Guid.NewGuid(), Role.User);
        Assert.Equal(ErrorCode.NotFound, (await Assert.ThrowsAsync<DomainException>(() => grain.GetAsync(other))).Code);
        Assert.Equal(RunStatus.Succeeded, (await grain.GetAsync(admin)).Status);
    }

    [Fact]
    public async Task Versions_and_tools_the_requester_may_not_run_are_not_found()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, draft, draftSlug) = await ToolRows.InsertAsync(fixture.Database, Greeting, author.UserId, published: false);
        var otherContributor = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var user = new ActingUser(Guid.NewGuid(), Role.User);

        await AssertNotFound(RunRequest.Sandbox(draft, otherContributor, [Input]));
        await AssertNotFound(RunRequest.Sandbox(draft, user, [Input]));
        await AssertNotFound(RunRequest.Sandbox(Guid.NewGuid(), new ActingUser(Guid.NewGuid(), Role.Admin), [Input]));
        await AssertNotFound(RunRequest.Production(draftSlug, user, [Input]));
        await AssertNotFound(RunRequest.Production("finns-inte", user, [Input]));
    }

    [Fact]
    public async Task Upload_of_a_forbidden_type_is_refused_before_any_container_starts()
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, Greeting, admin.UserId, published: false);
        var runId = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<DomainException>(() => fixture.Grains.GetGrain<IRunGrain>(runId)
            .StartAsync(RunRequest.Sandbox(versionId, admin, [new RunInputFile("virus.exe", [1, 2, 3])])));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Contains("Filtypen", error.Message);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE id = '{runId}'"));
    }

    [Fact]
    public async Task Production_run_without_a_file_is_refused_with_a_translatable_error_before_any_container_starts()
    {
        var user = new ActingUser(Guid.NewGuid(), Role.User);
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, Greeting, Guid.NewGuid(), published: true);
        var runId = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IRunGrain>(runId).StartAsync(RunRequest.Production(slug, user, [])));

        Assert.Equal(ErrorCode.Validation, error.Code);
        // The key crosses the grain boundary, so the page can say it in the teacher's language.
        Assert.Equal("Run.FileRequired", error.Key);
        Assert.Contains("Välj en fil", error.Message);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE id = '{runId}'"));
    }

    [Fact]
    public async Task Sandbox_run_without_its_required_file_is_refused_like_a_production_run()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, Greeting, author.UserId, published: false);
        var (plain, snapshot) = (Guid.NewGuid(), Guid.NewGuid());

        // Without the check the script ran and failed with IsADirectoryError (input_path was the input folder).
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IRunGrain>(plain).StartAsync(RunRequest.Sandbox(versionId, author, [])));
        var unsaved = await Assert.ThrowsAsync<DomainException>(() => fixture.Grains.GetGrain<IRunGrain>(snapshot)
            .StartAsync(RunRequest.SandboxSnapshot(versionId, author, [], Greeting, "run_tool")));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Equal("Run.FileRequired", error.Key);
        Assert.Equal("Välj en fil att köra verktyget med.", error.Message);
        Assert.Equal("Run.FileRequired", unsaved.Key);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE id IN ('{plain}', '{snapshot}')"));
    }

    [Fact]
    public async Task A_run_finishes_and_answers_while_one_of_its_watchers_never_does()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, Greeting, author.UserId, published: false);
        var grain = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await grain.StartAsync(RunRequest.Sandbox(versionId, author, [Input]));

        // A browser that stopped answering: its notification never completes (a call would wait for the 30 s
        // response timeout, once per state change, with the run's grain blocked meanwhile).
        var hanging = new HangingWatcher();
        var reference = fixture.Cluster.Client.CreateObjectReference<IRunObserver>(hanging);
        await grain.SubscribeAsync(author, reference);
        var watcher = await WatchAsync(grain, author);

        var done = await watcher.WaitForAsync(r => r.IsFinished, seconds: 25);
        var answered = await grain.GetAsync(author).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal(RunStatus.Succeeded, answered.Status);
        Assert.True(hanging.Calls > 0, "the hanging watcher was told of the run");
        GC.KeepAlive(hanging);
    }

    private sealed class HangingWatcher : IRunObserver
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public Task RunChangedAsync(RunInfo run)
        {
            Interlocked.Increment(ref calls);
            return new TaskCompletionSource().Task;
        }
    }

    private async Task AssertNotFound(RunRequest request)
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid()).StartAsync(request));
        Assert.Equal(ErrorCode.NotFound, error.Code);
    }

    internal static async Task<RunWatcher> WatchAsync(ClusterFixture fixture, IRunGrain grain, ActingUser user)
    {
        var watcher = new RunWatcher();
        var reference = fixture.Cluster.Client.CreateObjectReference<IRunObserver>(watcher);
        await grain.SubscribeAsync(user, reference);
        // Seed with the current state: updates sent before the subscription are not replayed.
        await watcher.RunChangedAsync(await grain.GetAsync(user));
        Watchers.Add(watcher);
        return watcher;
    }

    // Keeps observers alive for the test's duration (object references are weak on the client).
    private static readonly List<RunWatcher> Watchers = [];

    private Task<RunWatcher> WatchAsync(IRunGrain grain, ActingUser user) => WatchAsync(fixture, grain, user);
}
