using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Validation;

namespace Skriptoteket.Grains.Identity;

[StatelessWorker]
internal sealed class IdentityQueryGrain(UserStore users, NominationStore nominations, AuditQueries audit)
    : Grain, IIdentityQueryGrain
{
    public Task<UserPage> SearchUsersAsync(ActingUser actor, string? query, int page, int pageSize)
    {
        AccountPolicy.EnsureManager(actor);
        var text = TextRules.OptionalOrNull(query, "Sökningen", TextLimits.SearchQuery);
        return users.SearchAsync(text, Math.Clamp(page, 1, TextLimits.MaxPage), Math.Clamp(pageSize, 1, TextLimits.MaxPageSize));
    }

    public Task<IReadOnlyList<NominationInfo>> ListPendingNominationsAsync(ActingUser actor)
    {
        AccountPolicy.EnsureMayDecideNomination(actor);
        return nominations.ListPendingAsync();
    }

    public Task<bool> AnotherSuperuserExistsAsync(ActingUser actor)
    {
        AccountPolicy.EnsureMayDecideNomination(actor);
        return users.AnotherActiveSuperuserExistsAsync(actor.UserId);
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
        var action = TextRules.OptionalOrNull(filter.Action, "Händelsen", TextLimits.SearchQuery);
        var who = TextRules.OptionalOrNull(filter.Actor, "Aktören", TextLimits.SearchQuery);
        return audit.SearchAsync(filter with
        {
            Action = action, Actor = who,
            Page = Math.Clamp(filter.Page, 1, TextLimits.MaxPage), PageSize = Math.Clamp(filter.PageSize, 1, TextLimits.MaxPageSize),
        });
    }
}
