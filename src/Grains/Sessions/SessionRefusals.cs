using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Runs;
using Skriptoteket.Grains.Abstractions.Sessions;

namespace Skriptoteket.Grains.Sessions;

/// <summary>The session's refusals, each a Swedish sentence with its key ("Error.Session.*" in the UI's resources).</summary>
internal static class SessionRefusals
{
    public static DomainException NotFound() => DomainException.NotFound("Sessionen");

    public static DomainException Stale() => DomainException.Conflict(
        "Det här steget hör till en äldre vy av verktyget. Sidan visar nu det senaste steget.", "Session.Stale");

    public static DomainException Ended() => DomainException.Conflict(
        "Sessionen har avslutats. Börja om från första steget.", "Session.Ended");

    public static DomainException FilesTooLarge(long maxBytes) => DomainException.Invalid(
        $"Sessionens filer är större än {UploadLimits.Size(maxBytes)} tillsammans. Börja om med mindre filer.",
        "Session.FilesTooLarge", UploadLimits.Size(maxBytes));

    /// <summary>A start key that already named another run (the run grain's own refusal of a started run).</summary>
    public static DomainException AlreadyStarted() => DomainException.Conflict("Körningen har redan startats.", "Run.AlreadyStarted");

    public static DomainException UnknownStep(string name)
    {
        var shown = name.Length <= 40 ? name : name[..40];
        return DomainException.Invalid($"Steget \"{shown}\" erbjuds inte just nu.", "Session.UnknownStep", shown);
    }

    public static DomainException TooManySteps() => DomainException.Invalid(
        $"En session kan ha högst {SessionLimits.MaxStepsPerSession} steg. Börja om för att fortsätta.",
        "Session.TooManySteps", $"{SessionLimits.MaxStepsPerSession}");

    public static DomainException StateTooLarge() => DomainException.Invalid(
        $"Verktyget sparade mer än {SessionLimits.MaxStateBytes / 1024} KiB mellan stegen. Börja om; säg till verktygets författare om det händer igen.",
        "Session.StateTooLarge", $"{SessionLimits.MaxStateBytes / 1024}");

    public static DomainException TooManyFiles() => DomainException.Invalid(
        $"Sessionen har fler än {SessionLimits.MaxSessionFiles} filer. Börja om med färre filer.",
        "Session.TooManyFiles", $"{SessionLimits.MaxSessionFiles}");

    public static DomainException StepFormInvalid(IReadOnlyList<string> problems) => DomainException.Invalid(
        "Stegets formulär är felaktigt: " + string.Join(" ", problems), "Session.StepFormInvalid", string.Join(" ", problems));
}
