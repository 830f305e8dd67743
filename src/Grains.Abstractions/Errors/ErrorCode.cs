namespace Skriptoteket.Grains.Abstractions.Errors;

/// <summary>Domain error codes; the JSON API maps them one-to-one onto HTTP status codes.</summary>
public enum ErrorCode
{
    Validation = 0,
    NotFound = 1,
    Forbidden = 2,
    Conflict = 3,
    Unauthenticated = 4,
    Busy = 5,
}
