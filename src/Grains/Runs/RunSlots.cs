using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// This silo's container slots: at most <c>maxRunning</c> runs at once, the rest wait in FIFO order up to
/// <c>maxQueued</c>; beyond that a run is refused as busy. Each waiter is told its position whenever it moves.
/// </summary>
public sealed class RunSlots(int maxRunning, int maxQueued)
{
    internal const string BusyMessage = "Det är många körningar just nu. Försök igen om en liten stund.";
    private readonly object gate = new();
    private readonly LinkedList<Ticket> waiting = new();
    private int running;

    public int Running { get { lock (gate) { return running; } } }

    public int Capacity => maxRunning;

    public int Queued { get { lock (gate) { return waiting.Count; } } }

    internal static DomainException Busy() => new(Abstractions.Errors.ErrorCode.Busy, BusyMessage);

    /// <summary>True when a new run would be refused: every slot taken and the queue full.</summary>
    public bool IsFull { get { lock (gate) { return running >= maxRunning && waiting.Count >= maxQueued; } } }

    /// <summary>Takes a slot or a place in the queue; position 0 means running now.</summary>
    public Ticket Enter(Action<int> positionChanged)
    {
        var ticket = new Ticket(this, positionChanged);
        lock (gate)
        {
            if (running < maxRunning)
            {
                running++;
                ticket.Grant();
                return ticket;
            }
            if (waiting.Count >= maxQueued)
            {
                throw Busy();
            }
            ticket.Node = waiting.AddLast(ticket);
            ticket.Position = waiting.Count;
        }
        return ticket;
    }

    private void Leave(Ticket ticket)
    {
        List<Ticket> moved;
        lock (gate)
        {
            if (ticket.Node is { } node)
            {
                waiting.Remove(node);
                ticket.Node = null;
                ticket.Cancel();
            }
            else if (ticket.Granted)
            {
                running--;
                if (waiting.First is { } next)
                {
                    waiting.RemoveFirst();
                    next.Value.Node = null;
                    running++;
                    next.Value.Grant();
                }
            }
            else
            {
                return;
            }
            moved = [];
            var position = 1;
            foreach (var t in waiting)
            {
                if (t.Position != position)
                {
                    t.Position = position;
                    moved.Add(t);
                }
                position++;
            }
        }
        // Outside the lock: observers may be slow, and none of them may re-enter the slots under it.
        foreach (var t in moved)
        {
            t.Notify();
        }
    }

    /// <summary>A run's claim on a slot; dispose it when the run ends (or leaves the queue).</summary>
    public sealed class Ticket(RunSlots slots, Action<int> positionChanged) : IDisposable
    {
        private readonly TaskCompletionSource granted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int disposed;

        internal LinkedListNode<Ticket>? Node { get; set; }

        /// <summary>1-based place in the queue; 0 once running.</summary>
        public int Position { get; internal set; }

        public bool Granted => granted.Task.IsCompletedSuccessfully;

        /// <summary>Completes when this run holds a slot; canceled when it left the queue first.</summary>
        public Task Acquired => granted.Task;

        internal void Grant()
        {
            Position = 0;
            granted.TrySetResult();
        }

        internal void Cancel() => granted.TrySetCanceled();

        internal void Notify() => positionChanged(Position);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                slots.Leave(this);
            }
        }
    }
}
