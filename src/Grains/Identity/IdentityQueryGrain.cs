using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;

namespace Skriptoteket.Grains.Identity;

[StatelessWorker]
internal sealed class IdentityQueryGrain(UserStore users, NominationStore nominations, AuditQueries audit)
    : Grain, IIdentityQueryGrain
{
    public Task<UserPage> SearchUsersAsync(ActingUser actor, string? query, int page, int pageSize)
    {
        AccountPolicy.EnsureManager(actor);
        return users.SearchAsync(query, Math.Max(1, page), Math.Clamp(pageSize, 1, 200));
    }

    public Task<IReadOnlyList<NominationInfo>> ListPendingNominationsAsync(ActingUser actor)
    {
        AccountPolicy.EnsureMayDecideNomination(actor);
        return nominations.ListPendingAsync();
    }

    public async Task<NominationInfo> GetNominationAsync(ActingUser actor, Guid nominationId)
    {
        AccountPolicy.EnsureManager(actor);
        return await nominations.FindAsync(nominationId) ?? throw DomainException.NotFound("Nomineringen");
    }

    public Task<AuditPage> SearchAuditAsync(ActingUser actor, AuditFilter filter)
    {
        if (!actor.IsAtLeast(Role.Superuser))
        {
            throw DomainException.Forbidden();
        }
        return audit.SearchAsync(filter);
    }
}
