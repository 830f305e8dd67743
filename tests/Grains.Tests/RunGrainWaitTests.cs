using System.Text;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.TestSupport;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Grains.Tests;

/// <summary>
/// <see cref="IRunGrain.WaitFinishedAsync"/> (issue 23, the API's <c>?wait=</c>): the finished record from memory, as
/// a poll would see it; the run as it is when the limit passes; someone else's run not found.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RunGrainWaitTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_wait_answers_with_the_finished_record_and_someone_elses_wait_is_not_found()
    {
        var (grain, teacher) = await StartAsync("1");
        var stranger = new ActingUser(Guid.NewGuid(), Role.User);

        var refused = await Assert.ThrowsAsync<DomainException>(() => grain.WaitFinishedAsync(stranger, RunWaits.LongestCall));
        Assert.Equal(ErrorCode.NotFound, refused.Code);
        var done = await grain.WaitFinishedAsync(teacher, RunWaits.LongestCall);
        for (var call = 1; !done.IsFinished && call < 6; call++) // a busy machine may take longer than one call
        {
            done = await grain.WaitFinishedAsync(teacher, RunWaits.LongestCall);
        }

        Assert.Equal(RunStatus.Succeeded, done.Status);
        Assert.Equal("<p>vaken</p>", done.Output.Html);
        Assert.True((await grain.WaitFinishedAsync(teacher, RunWaits.LongestCall)).IsFinished); // finished: answered at once
    }

    [Fact]
    public async Task A_wait_on_a_run_still_going_ends_after_its_limit_with_the_run_as_it_is()
    {
        var (grain, teacher) = await StartAsync("60");

        var going = await grain.WaitFinishedAsync(teacher, TimeSpan.FromSeconds(1));

        Assert.False(going.IsFinished);
        Assert.Equal(RunStatus.Canceled, (await grain.CancelAsync(teacher)).Status);
    }

    private async Task<(IRunGrain Grain, ActingUser Teacher)> StartAsync(string seconds)
    {
        var admin = new ActingUser(Guid.NewGuid(), Role.Admin);
        var teacher = new ActingUser(Guid.NewGuid(), Role.User);
        var (_, _, slug) = await ToolRows.InsertAsync(fixture.Database, TestScripts.Sleeper, admin.UserId, published: true);
        var grain = fixture.Grains.GetGrain<IRunGrain>(Guid.NewGuid());
        await grain.StartAsync(RunRequest.Production(slug, teacher, [new RunInputFile("sekunder.txt", Encoding.UTF8.GetBytes(seconds))]));
        return (grain, teacher);
    }
}
