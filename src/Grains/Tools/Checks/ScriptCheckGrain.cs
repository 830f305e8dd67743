using System.Text;
using System.Text.Json;
using Orleans.Concurrency;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Tools;
using Skriptoteket.Grains.Abstractions.Validation;
using Skriptoteket.Grains.Execution;
using Skriptoteket.Grains.Runs;

namespace Skriptoteket.Grains.Tools.Checks;

/// <summary>
/// Parses a script in a fresh runner container (same isolation as a run) and reports its problems.
/// Placed only on silos with Docker access, like run grains; two checks at a time per silo, so checks never
/// crowd out real runs for long (one check is a container cycle of about half a second).
/// </summary>
[StatelessWorker(2)]
internal sealed class ScriptCheckGrain(IContainerRunner runner, RunSupervisor supervisor) : Grain, IScriptCheckGrain
{
    private const int TimeoutSeconds = 10;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<ScriptProblem>> CheckAsync(ActingUser actor, string source, string entrypoint)
    {
        if (!ToolPermissions.CanAuthor(actor))
        {
            throw DomainException.Forbidden();
        }
        TextRules.WithinLength(source, "Skriptet", TextLimits.Source);
        var job = new RunnerJob(Guid.NewGuid(), ScriptCheckerSource.Source, ScriptCheckerSource.Entrypoint,
            [
                new RunnerInput(ScriptCheckerSource.ScriptInput, Encoding.UTF8.GetBytes(source)),
                new RunnerInput(ScriptCheckerSource.EntrypointInput, Encoding.UTF8.GetBytes(entrypoint)),
            ],
            TimeoutSeconds);
        var outcome = await runner.RunAsync(job, supervisor.SiloName, CancellationToken.None);
        if (outcome.Completion.Status != RunStatus.Succeeded)
        {
            throw new DomainException(Abstractions.Errors.ErrorCode.Busy, "Skriptet kunde inte kontrolleras just nu. Försök igen om en stund.", "Script.CheckBusy");
        }
        return JsonSerializer.Deserialize<List<ScriptProblem>>(outcome.Completion.Output.Html, Json) ?? [];
    }
}
