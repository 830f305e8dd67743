using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Unit.Tests;

public sealed class RunProgressTests
{
    [Theory]
    [InlineData(RunStatus.Queued, RunStatus.Running, true)]
    [InlineData(RunStatus.Queued, RunStatus.Queued, true)]
    [InlineData(RunStatus.Running, RunStatus.Succeeded, true)]
    [InlineData(RunStatus.Running, RunStatus.Queued, false)]
    [InlineData(RunStatus.Succeeded, RunStatus.Running, false)]
    [InlineData(RunStatus.Failed, RunStatus.Canceled, false)]
    public void Only_later_states_replace_the_shown_one(RunStatus shown, RunStatus arriving, bool replaced)
    {
        var current = Run(shown);
        var next = Run(arriving);

        Assert.Same(replaced ? next : current, RunProgress.Newer(current, next));
    }

    private static RunInfo Run(RunStatus status) => new(Guid.NewGuid(), RunKind.Production, status, Guid.Empty,
        Guid.Empty, Guid.Empty, null, RunOutput.None, [], DateTimeOffset.UnixEpoch, null, null, null);
}
