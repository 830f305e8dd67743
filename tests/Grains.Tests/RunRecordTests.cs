using System.Text;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.TestSupport;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// The runs row is the run's source of truth (docs/adr/0007): a row write that fails never leaves the run unable
/// to answer, a transient failure is retried until the row lands, and a start whose row cannot be written leaves
/// nothing behind. The faults are real PostgreSQL triggers on that one run's row.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunRecordTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_run_whose_row_writes_fail_still_finishes_and_its_row_lands_once_the_database_accepts_it()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, author.UserId, published: false);
        var runId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IRunGrain>(runId);
        RunInfo done;

        await using (await FailRowAsync(runId, "UPDATE"))
        {
            await grain.StartAsync(RunRequest.Sandbox(versionId, author, [new RunInputFile("namn.txt", Encoding.UTF8.GetBytes("Signe"))]));
            done = await (await RunGrainTests.WatchAsync(fixture, grain, author)).FinishedAsync();
            Assert.Equal("queued", await Row<string>(runId, "status")); // every update so far was refused
            Assert.Equal(RunStatus.Succeeded, (await grain.GetAsync(author)).Status);
        }

        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal("<p>Hej Signe</p>", done.Output.Html);
        Assert.Equal("succeeded", await WaitForRowAsync(runId, "succeeded"));
        Assert.Equal("<p>Hej Signe</p>", await Row<string>(runId, "html"));
        Assert.Equal(["kopia.txt"], (await grain.GetAsync(author)).Output.Artifacts.Select(a => a.Name));
    }

    [Fact]
    public async Task A_poll_is_answered_from_the_grains_memory_while_its_row_write_waits_for_the_database()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, author.UserId, published: false);
        var runId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IRunGrain>(runId);
        RunInfo seen;
        string? rowWhileWaiting;

        // Every write that moves this run past "queued" waits inside PostgreSQL until the gate opens: the grain's
        // turn that reports "running" is stuck in its row write meanwhile, as with a slow database.
        await using (var gate = await HoldRowWritesAsync(runId))
        {
            await grain.StartAsync(RunRequest.Sandbox(versionId, author, [new RunInputFile("namn.txt", Encoding.UTF8.GetBytes("Maj"))]));
            // Each poll must come back although that turn has not ended (a queued poll would wait for the gate).
            seen = await Eventually.GetAsync(() => grain.GetAsync(author).WaitAsync(TimeSpan.FromSeconds(20)),
                run => run.Status != RunStatus.Queued, TimeSpan.FromSeconds(60), every: TimeSpan.FromMilliseconds(50));
            rowWhileWaiting = await Row<string>(runId, "status");
        }
        var done = await (await RunGrainTests.WatchAsync(fixture, grain, author)).FinishedAsync();

        Assert.Equal(RunStatus.Running, seen.Status);
        Assert.Equal("queued", rowWhileWaiting);
        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal("<p>Hej Maj</p>", done.Output.Html);
        Assert.Equal("succeeded", await WaitForRowAsync(runId, "succeeded"));
    }

    [Fact]
    public async Task A_start_whose_row_cannot_be_written_is_refused_and_leaves_no_run_behind()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, author.UserId, published: false);
        var runId = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IRunGrain>(runId);
        var request = RunRequest.Sandbox(versionId, author, [new RunInputFile("namn.txt", Encoding.UTF8.GetBytes("Ture"))]);

        await using (await FailRowAsync(runId, "INSERT"))
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.StartAsync(request));
        }
        var unknown = await Assert.ThrowsAsync<DomainException>(() => grain.GetAsync(author));
        var started = await grain.StartAsync(request);
        var done = await (await RunGrainTests.WatchAsync(fixture, grain, author)).FinishedAsync();

        Assert.Equal(ErrorCode.NotFound, unknown.Code);
        Assert.Equal(RunStatus.Queued, started.Status);
        Assert.Equal("<p>Hej Ture</p>", done.Output.Html);
        Assert.Equal("succeeded", await WaitForRowAsync(runId, "succeeded"));
    }

    [Fact]
    public async Task Files_within_the_per_file_limit_that_exceed_the_per_run_limit_together_are_refused_before_any_row()
    {
        var author = new ActingUser(Guid.NewGuid(), Role.Contributor);
        var (_, versionId, _) = await ToolRows.InsertAsync(fixture.Database, RunGrainTests.Greeting, author.UserId, published: false);
        var runId = Guid.NewGuid();
        var megabyte = new byte[ClusterFixture.MaxUploadFileBytes];
        Array.Fill(megabyte, (byte)'a');

        var error = await Assert.ThrowsAsync<DomainException>(() => fixture.Grains.GetGrain<IRunGrain>(runId)
            .StartAsync(RunRequest.Sandbox(versionId, author, [new("a.txt", megabyte), new("b.txt", megabyte)])));

        Assert.Equal(ErrorCode.Validation, error.Code);
        Assert.Equal("Filerna är för stora tillsammans. Högst 1,5 MB per körning.", error.Message);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM runs WHERE id = '{runId}'"));
    }

    private async Task<string?> WaitForRowAsync(Guid runId, string status)
    {
        // The retry pauses grow to 30 s; the first retries after the fault is gone come within a few seconds.
        return await Eventually.GetAsync(() => Row<string>(runId, "status"), seen => seen == status, TimeSpan.FromSeconds(60),
            $"run {runId}'s row says {status}", TimeSpan.FromMilliseconds(250));
    }

    private async Task<T?> Row<T>(Guid runId, string column) =>
        await fixture.Database.ScalarAsync<object>($"SELECT {column} FROM runs WHERE id = '{runId}'") is T value ? value : default;

    /// <summary>Makes every <paramref name="operation"/> of this run's row fail (as a lost connection would) until disposed.</summary>
    private async Task<IAsyncDisposable> FailRowAsync(Guid runId, string operation)
    {
        var name = $"fail_run_{runId:N}";
        var row = operation == "INSERT" ? "NEW" : "OLD";
        await ExecuteAsync(
            $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'test fault'; END $$;
            CREATE TRIGGER {name} BEFORE {operation} ON runs FOR EACH ROW
            WHEN ({row}.id = '{runId}') EXECUTE FUNCTION {name}();
            """);
        return new Cleanup(() => ExecuteAsync($"DROP TRIGGER {name} ON runs; DROP FUNCTION {name}();"));
    }

    /// <summary>
    /// Makes every write of this run's row that leaves "queued" wait on an advisory lock held by the returned
    /// gate; disposing it opens the gate (the waiting writes go through) and removes the trigger.
    /// </summary>
    private async Task<IAsyncDisposable> HoldRowWritesAsync(Guid runId)
    {
        var name = $"hold_run_{runId:N}";
        var key = BitConverter.ToInt64(runId.ToByteArray(), 0);
        var data = fixture.Database.CreateDataSource();
        var holder = await data.OpenConnectionAsync();
        await using (var hold = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({key})", holder))
        {
            await hold.ExecuteNonQueryAsync();
        }
        await ExecuteAsync(
            $"""
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_advisory_lock({key}); PERFORM pg_advisory_unlock({key}); RETURN NEW; END $$;
            CREATE TRIGGER {name} BEFORE UPDATE ON runs FOR EACH ROW
            WHEN (OLD.id = '{runId}' AND NEW.status <> 'queued') EXECUTE FUNCTION {name}();
            """);
        return new Cleanup(async () =>
        {
            await using (var open = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({key})", holder))
            {
                await open.ExecuteNonQueryAsync();
            }
            await holder.DisposeAsync();
            await data.DisposeAsync();
            await ExecuteAsync($"DROP TRIGGER {name} ON runs; DROP FUNCTION {name}();");
        });
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = fixture.Database.CreateDataSource();
        await using var cmd = db.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class Cleanup(Func<Task> dispose) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await dispose();
    }
}
