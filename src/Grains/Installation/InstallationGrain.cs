using Skriptoteket.Grains.Abstractions.Installation;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Grains.Installation;

internal sealed class InstallationGrain(
    [PersistentState("installation", StorageNames.Store)] IPersistentState<InstallationState> state,
    TimeProvider time) : Grain, IInstallationGrain
{
    public async Task<InstallationInfo> RecordHostStartAsync(string siloName)
    {
        var now = time.GetUtcNow();
        var s = state.State;
        var before = (s.InstallationId, s.FirstStartedAt, s.LastStartedAt, s.HostStarts, s.LastSiloName);
        if (s.InstallationId == Guid.Empty)
        {
            s.InstallationId = Guid.NewGuid();
            s.FirstStartedAt = now;
        }
        s.LastStartedAt = now;
        s.HostStarts++;
        s.LastSiloName = siloName;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Keep memory equal to storage: a failed write must not leave a count that was never saved.
            (s.InstallationId, s.FirstStartedAt, s.LastStartedAt, s.HostStarts, s.LastSiloName) = before;
            throw;
        }
        return ToInfo(s);
    }

    public Task<InstallationInfo> GetAsync() => Task.FromResult(ToInfo(state.State));

    private static InstallationInfo ToInfo(InstallationState s) =>
        new(s.InstallationId, s.FirstStartedAt, s.LastStartedAt, s.HostStarts, s.LastSiloName);
}
