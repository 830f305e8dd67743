using System.Security.Cryptography;
using System.Text;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// One intent to run is one run (docs/execution.md, "Idempotent starts"). A start may carry a key (the API's
/// <c>Idempotency-Key</c> header; the pages mint one per submission): the same key from the same person always
/// names the same run id, so a repeat reaches the run grain that already holds the run and gets that run back
/// instead of a new one. The runs table keeps the key, unique per requester, as the last guard.
/// </summary>
public static class RunStartKey
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 100;

    /// <summary>The key as given, or null for none; a Swedish VALIDATION refusal when it is not 1–100 visible ASCII characters.</summary>
    public static string? Check(string? key)
    {
        if (key is null)
        {
            return null;
        }
        return key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~')
            ? key
            : throw DomainException.Invalid(
                $"{Header} ska vara 1–{MaxLength} synliga tecken (bokstäver a–z, siffror och skiljetecken, inga mellanslag).",
                "Run.StartKeyInvalid", $"{MaxLength}");
    }

    /// <summary>The run id of this request: derived from requester and key when it has a key, otherwise new.</summary>
    public static Guid RunIdOf(RunRequest request) =>
        request.StartKey is { } key ? RunIdFor(request.RequestedBy.UserId, key) : Guid.NewGuid();

    /// <summary>A name-based id (RFC 9562 version 8, SHA-256 of requester and key): stable, and another person's key never collides.</summary>
    public static Guid RunIdFor(Guid userId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"skriptoteket-run-start:{userId:N}:{key}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A fresh key for one submission of a page's form.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");
}
