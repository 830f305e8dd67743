using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Grains.Runs;

/// <summary>Database spellings of run kinds and states, written and parsed with the shared <see cref="RunSpelling"/>.</summary>
internal static class RunText
{
    public static string Kind(RunKind kind) => RunSpelling.Kind(kind);

    public static RunKind ParseKind(string text) => Enum.GetValues<RunKind>().First(k => Kind(k) == text);

    public static string Status(RunStatus status) => RunSpelling.Status(status);

    public static RunStatus ParseStatus(string text) =>
        Enum.GetValues<RunStatus>().First(s => Status(s) == text);
}
