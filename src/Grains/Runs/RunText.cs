using System.Text.Json;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>
/// Database spellings of run kinds and states: snake_case as in SPEC §6 ("timed_out", "example_check"), by the same
/// naming policy the API's JSON options spell every enum with, so the runs table and the API never differ.
/// </summary>
internal static class RunText
{
    public static string Kind(RunKind kind) => Spell(kind);

    public static RunKind ParseKind(string text) => Enum.GetValues<RunKind>().First(k => Kind(k) == text);

    public static string Status(RunStatus status) => Spell(status);

    public static RunStatus ParseStatus(string text) =>
        Enum.GetValues<RunStatus>().First(s => Status(s) == text);

    private static string Spell<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
