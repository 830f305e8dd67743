using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Web.Runs;

namespace Skriptoteket.Unit.Tests.Web;

/// <summary>
/// A run start meets a passing cluster fault (a silo joining or leaving, a starved machine): the starter tries the
/// same run id again instead of answering 500, and gives up on anything else at once.
/// </summary>
public sealed class RunStarterTests
{
    private static readonly RunRequest Request = RunRequest.Production("verktyg", new ActingUser(Guid.NewGuid(), Role.User), []);

    [Theory]
    [InlineData(typeof(SiloUnavailableException))]
    [InlineData(typeof(OrleansMessageRejectionException))]
    [InlineData(typeof(TimeoutException))]
    public async Task A_passing_fault_is_tried_again_with_the_same_run_id(Type fault)
    {
        // Orleans makes some of its exceptions with internal constructors only.
        var exception = (Exception)Activator.CreateInstance(fault, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic,
            null, ["rejected"], null)!;
        var grains = FakeGrains.Failing(exception, times: 2);

        var run = await new RunStarter(grains.Factory, NullLogger<RunStarter>.Instance).StartAsync(Request);

        Assert.Equal(3, grains.Calls.Count);
        Assert.Single(grains.Calls.Distinct());
        Assert.Equal(grains.Calls[0], run.RunId);
    }

    [Fact]
    public async Task A_fault_that_persists_reaches_the_caller_after_three_tries()
    {
        var grains = FakeGrains.Failing(new TimeoutException("slow"), times: 5);

        await Assert.ThrowsAsync<TimeoutException>(() => new RunStarter(grains.Factory, NullLogger<RunStarter>.Instance).StartAsync(Request));
        Assert.Equal(3, grains.Calls.Count);
    }

    [Fact]
    public async Task Any_other_failure_is_not_tried_again()
    {
        var grains = FakeGrains.Failing(new InvalidOperationException("bug"), times: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => new RunStarter(grains.Factory, NullLogger<RunStarter>.Instance).StartAsync(Request));
        Assert.Single(grains.Calls);
    }

    /// <summary>A grain factory whose run grains throw <c>fault</c> on the first <c>times</c> starts, then succeed.</summary>
    private sealed class FakeGrains
    {
        public List<Guid> Calls { get; } = [];

        public IGrainFactory Factory { get; private set; } = null!;

        private Exception fault = null!;
        private int failuresLeft;

        public static FakeGrains Failing(Exception fault, int times)
        {
            var grains = new FakeGrains { fault = fault, failuresLeft = times };
            grains.Factory = Proxy<IGrainFactory>.Create(call =>
                call.Name == nameof(IGrainFactory.GetGrain) && call.Args[0] is Guid id
                    ? grains.RunGrain(id)
                    : throw new NotSupportedException(call.Name));
            return grains;
        }

        private IRunGrain RunGrain(Guid id) => Proxy<IRunGrain>.Create(call =>
        {
            if (call.Name != nameof(IRunGrain.StartAsync))
            {
                throw new NotSupportedException(call.Name);
            }
            Calls.Add(id);
            return failuresLeft-- > 0
                ? Task.FromException<RunInfo>(fault)
                : Task.FromResult(new RunInfo(id, RunKind.Production, RunStatus.Queued, Guid.Empty, Guid.Empty, Guid.Empty, 1,
                    RunOutput.None, [], DateTimeOffset.UnixEpoch, null, null, null));
        });
    }

    /// <summary>An interface implemented by one function of (method, arguments): enough for the two calls the starter makes.</summary>
    public class Proxy<T> : DispatchProxy
    {
        private Func<(string Name, object?[] Args), object?> handler = null!;

        public static T Create(Func<(string Name, object?[] Args), object?> handler)
        {
            var proxy = DispatchProxy.Create<T, Proxy<T>>();
            ((Proxy<T>)(object)proxy!).handler = handler;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => handler((targetMethod!.Name, args ?? []));
    }
}
