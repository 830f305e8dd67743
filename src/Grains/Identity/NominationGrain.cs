using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Audit;
using Skriptoteket.Grains.Persistence;

namespace Skriptoteket.Grains.Identity;

internal sealed class NominationGrain(
    [PersistentState("nomination", StorageNames.Store)] IPersistentState<NominationState> state,
    UserStore users,
    NominationStore nominations,
    IAuditLog audit,
    TimeProvider time) : Grain, INominationGrain
{
    private Guid NomineeId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.RecordExists && await nominations.FindAsync(state.State.Id) is null)
        {
            await nominations.UpsertAsync(NomineeId, state.State);
        }
    }

    public async Task<NominationInfo> NominateAsync(ActingUser actor, string rationale)
    {
        AccountPolicy.EnsureManager(actor);
        var nominee = await users.FindByIdAsync(NomineeId) ?? throw DomainException.NotFound("Användaren");
        AccountPolicy.EnsureMayNominate(actor, nominee.Role, nominee.IsActive);
        var text = (rationale ?? "").Trim();
        if (text.Length is 0 or > 4000)
        {
            throw DomainException.Invalid("Skriv en motivering (högst 4000 tecken).");
        }
        if (state.RecordExists && state.State.Status == NominationStatus.Pending)
        {
            throw DomainException.Conflict("Användaren har redan en nominering som väntar på beslut.");
        }

        await SaveAsync(_ => new NominationState
        {
            Id = Guid.NewGuid(), NominatorId = actor.UserId, Rationale = text,
            Status = NominationStatus.Pending, CreatedAt = time.GetUtcNow(),
        });
        await AuditAsync(actor, AuditActions.NominationMade, new() { ["nominee"] = NomineeId, ["rationale"] = text });
        return await InfoAsync();
    }

    public Task<NominationInfo> ApproveAsync(ActingUser actor, Guid nominationId, string? note) =>
        DecideAsync(actor, nominationId, note, NominationStatus.Approved);

    public Task<NominationInfo> DenyAsync(ActingUser actor, Guid nominationId, string? note) =>
        DecideAsync(actor, nominationId, note, NominationStatus.Denied);

    private async Task<NominationInfo> DecideAsync(ActingUser actor, Guid nominationId, string? note, NominationStatus outcome)
    {
        AccountPolicy.EnsureMayDecideNomination(actor);
        if (!state.RecordExists || state.State.Id != nominationId)
        {
            throw DomainException.NotFound("Nomineringen");
        }
        if (state.State.Status != NominationStatus.Pending)
        {
            throw DomainException.Conflict("Nomineringen är redan avgjord.");
        }
        if (outcome == NominationStatus.Approved)
        {
            await GrainFactory.GetGrain<IUserAccountGrain>(NomineeId).PromoteToAdminAsync(actor, nominationId);
        }

        var cleanNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await SaveAsync(s =>
        {
            var next = s.Copy();
            next.Status = outcome;
            next.DecidedBy = actor.UserId;
            next.DecidedAt = time.GetUtcNow();
            next.DecisionNote = cleanNote;
            return next;
        });
        var action = outcome == NominationStatus.Approved ? AuditActions.NominationApproved : AuditActions.NominationDenied;
        await AuditAsync(actor, action, new() { ["nominee"] = NomineeId, ["note"] = cleanNote });
        return await InfoAsync();
    }

    private async Task SaveAsync(Func<NominationState, NominationState> next)
    {
        await state.WriteOrRestoreAsync(next(state.State), "Nomineringen ändrades samtidigt på annat håll. Läs in den igen.");
        await nominations.UpsertAsync(NomineeId, state.State);
    }

    private Task AuditAsync(ActingUser actor, string action, Dictionary<string, object?> details) =>
        audit.AppendAsync(new AuditEntry(actor.UserId, action, "nomination", state.State.Id.ToString(), details));

    private async Task<NominationInfo> InfoAsync() =>
        await nominations.FindAsync(state.State.Id) ?? throw DomainException.NotFound("Nomineringen");
}
