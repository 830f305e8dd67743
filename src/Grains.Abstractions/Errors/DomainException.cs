namespace Skriptoteket.Grains.Abstractions.Errors;

/// <summary>
/// A refused command: an illegal transition, a missing permission, a stale version. Carries a code the
/// API and UI translate, and a message safe to show the acting user.
/// </summary>
[GenerateSerializer, Alias("Skriptoteket.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(ErrorCode code, string message) : base(message) => Code = code;

    [Id(0)]
    public ErrorCode Code { get; init; }

    public static DomainException NotFound(string what) => new(ErrorCode.NotFound, $"{what} hittades inte.");

    public static DomainException Forbidden(string message = "Du har inte behörighet till detta.") =>
        new(ErrorCode.Forbidden, message);

    public static DomainException Conflict(string message) => new(ErrorCode.Conflict, message);

    public static DomainException Invalid(string message) => new(ErrorCode.Validation, message);
}
