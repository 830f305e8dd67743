namespace Skriptoteket.Grains.Abstractions.Errors;

/// <summary>
/// A refused command: an illegal transition, a missing permission, a stale version. Carries a code the
/// API and UI translate, and a message safe to show the acting user.
/// </summary>
[GenerateSerializer, Alias("Skriptoteket.DomainException")]
public sealed class DomainException : Exception
{
    /// <summary>A refusal the UI can say in any language: <paramref name="key"/> names the text, <paramref name="arguments"/> fill it.</summary>
    public DomainException(ErrorCode code, string message, string key, params string[] arguments) : base(message)
    {
        Code = code;
        Key = key;
        Arguments = arguments;
    }

    [Id(0)]
    public ErrorCode Code { get; init; }

    /// <summary>The text's name for the UI (Web's resources "Error.{Key}", in Swedish and English).</summary>
    [Id(1)]
    public string? Key { get; init; }

    [Id(2)]
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static DomainException NotFound(string what) => new(ErrorCode.NotFound, $"{what} hittades inte.", "NotFound");

    public static DomainException Forbidden() => new(ErrorCode.Forbidden, "Du har inte behörighet till detta.", "Forbidden");

    /// <summary>A refusal for lack of permission with a text key, so the UI can translate it.</summary>
    public static DomainException Forbidden(string message, string key, params string[] arguments) =>
        new(ErrorCode.Forbidden, message, key, arguments);

    /// <summary>A validation refusal with a text key, so the UI can translate it.</summary>
    public static DomainException Invalid(string message, string key, params string[] arguments) =>
        new(ErrorCode.Validation, message, key, arguments);

    public static DomainException Conflict(string message, string key, params string[] arguments) =>
        new(ErrorCode.Conflict, message, key, arguments);
}
