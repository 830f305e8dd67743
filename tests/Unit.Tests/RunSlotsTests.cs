using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Runs;
using ErrorCode = Skriptoteket.Grains.Abstractions.Errors.ErrorCode;

namespace Skriptoteket.Unit.Tests;

public sealed class RunSlotsTests
{
    [Fact]
    public void Runs_beyond_the_slots_wait_in_fifo_order_and_see_their_positions_move()
    {
        var slots = new RunSlots(maxRunning: 1, maxQueued: 2);
        var moves = new List<(string, int)>();
        var a = slots.Enter(p => moves.Add(("a", p)));
        var b = slots.Enter(p => moves.Add(("b", p)));
        var c = slots.Enter(p => moves.Add(("c", p)));

        Assert.True(a.Granted);
        Assert.Equal((1, 2), (b.Position, c.Position));
        var busy = Assert.Throws<DomainException>(() => slots.Enter(_ => { }));
        Assert.Equal(ErrorCode.Busy, busy.Code);

        a.Dispose();
        Assert.True(b.Granted);
        Assert.False(c.Granted);
        Assert.Equal([("c", 1)], moves);
        Assert.Equal((1, 1), (slots.Running, slots.Queued));
    }

    [Fact]
    public void Leaving_the_queue_cancels_the_wait_and_moves_the_others_up()
    {
        var slots = new RunSlots(maxRunning: 1, maxQueued: 3);
        using var running = slots.Enter(_ => { });
        var b = slots.Enter(_ => { });
        var positions = new List<int>();
        using var c = slots.Enter(positions.Add);

        b.Dispose();

        Assert.True(b.Acquired.IsCanceled);
        Assert.Equal([1], positions);
        Assert.Equal(1, slots.Queued);
    }

    [Fact]
    public void Disposing_twice_frees_one_slot_only()
    {
        var slots = new RunSlots(maxRunning: 2, maxQueued: 0);
        var a = slots.Enter(_ => { });
        using var b = slots.Enter(_ => { });

        a.Dispose();
        a.Dispose();

        Assert.Equal(1, slots.Running);
    }
}
