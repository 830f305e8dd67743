using Orleans.Storage;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Persistence;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Makes <paramref name="next"/> the grain's state and writes it. If the write fails, memory goes back to
    /// what storage holds, so the grain never answers from a state that was not saved. A version conflict
    /// (another activation wrote first) re-reads storage and refuses the command as a CONFLICT with
    /// <paramref name="conflictMessage"/>: the caller re-checks rather than retrying blindly.
    /// </summary>
    public static async Task WriteOrRestoreAsync<T>(this IPersistentState<T> state, T next, string conflictMessage)
    {
        var before = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            state.State = before;
            await state.ReadStateAsync();
            throw DomainException.Conflict(conflictMessage, "State.Concurrent");
        }
        catch
        {
            state.State = before;
            throw;
        }
    }
}
