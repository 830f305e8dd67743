using System.Globalization;
using Microsoft.Extensions.Localization;
using Skriptoteket.Grains.Abstractions.Runs;

namespace Skriptoteket.Web.Runs;

/// <summary>How runs read in the UI: resource keys of states and kinds, times, durations and sizes in the active culture.</summary>
public static class RunFormat
{
    public static string StatusKey(RunStatus status) => $"RunStatus.{status}";

    public static string KindKey(RunKind kind) => $"RunKind.{kind}";

    public static string Time(DateTimeOffset at) =>
        at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Version(IStringLocalizer l, int? number) =>
        number is { } n ? l["Runs.VersionNumber", n] : "–";

    public static string Duration(IStringLocalizer l, TimeSpan? duration) => duration switch
    {
        null => "–",
        { TotalSeconds: < 60 } d => l["Runs.Seconds", d.TotalSeconds.ToString("0.0", CultureInfo.CurrentCulture)],
        var d => l["Runs.Minutes", (int)d.Value.TotalMinutes, d.Value.Seconds],
    };

    public static string Bytes(long bytes) =>
        bytes < 1024 ? $"{bytes} B"
        : bytes < 1024 * 1024 ? (bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture) + " kB"
        : (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB";
}
