namespace Skriptoteket.Grains.Abstractions.Insights;

/// <summary>
/// Counts and durations of one group of production runs. Shares are of the finished runs; durations are from start
/// to finish of the runs that ran to their end (succeeded or failed), null without any.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.RunFigures")]
public sealed record RunFigures(
    [property: Id(0)] long Runs,
    [property: Id(1)] long Finished,
    [property: Id(2)] long Succeeded,
    [property: Id(3)] long Failed,
    [property: Id(4)] long TimedOut,
    [property: Id(5)] double? MedianMs,
    [property: Id(6)] double? P95Ms)
{
    public double FailedShare => Finished == 0 ? 0 : (double)Failed / Finished;

    public double TimedOutShare => Finished == 0 ? 0 : (double)TimedOut / Finished;
}

/// <summary>How many finished runs ended for one reason.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.FailureCount")]
public sealed record FailureCount([property: Id(0)] FailureKind Kind, [property: Id(1)] long Count);

/// <summary>One of the most frequent author messages (ToolUserError), cut to <see cref="InsightsLimits.MessageChars"/>.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.MessageCount")]
public sealed record MessageCount(
    [property: Id(0)] string Message,
    [property: Id(1)] bool Truncated,
    [property: Id(2)] long Count);

/// <summary>One version's production runs since the tool's start.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.VersionInsights")]
public sealed record VersionInsights(
    [property: Id(0)] Guid VersionId,
    [property: Id(1)] int? Number,
    [property: Id(2)] RunFigures Figures,
    [property: Id(3)] IReadOnlyList<FailureCount> Failures,
    [property: Id(4)] IReadOnlyList<MessageCount> TopMessages);

/// <summary>Production runs started in the week (Monday, Swedish time) that begins on <see cref="Week"/>.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.WeekRuns")]
public sealed record WeekRuns(
    [property: Id(0)] DateOnly Week,
    [property: Id(1)] long Runs,
    [property: Id(2)] long Failed,
    [property: Id(3)] long TimedOut);

/// <summary>
/// What a tool's runs say about it: per version (newest first) and per week (the last <see cref="InsightsLimits.Weeks"/>
/// weeks, oldest first, empty weeks included). Test runs (sandbox and example checks) are counted apart and in no figure.
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolInsights")]
public sealed record ToolInsights(
    [property: Id(0)] Guid ToolId,
    [property: Id(1)] string Title,
    [property: Id(2)] RunFigures Total,
    [property: Id(3)] IReadOnlyList<VersionInsights> Versions,
    [property: Id(4)] IReadOnlyList<WeekRuns> Weeks,
    [property: Id(5)] long TestRuns);

/// <summary>One tool's production runs in the overview's period.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolUsage")]
public sealed record ToolUsage(
    [property: Id(0)] Guid ToolId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Slug,
    [property: Id(3)] bool IsPublished,
    [property: Id(4)] long Runs,
    [property: Id(5)] long Finished,
    [property: Id(6)] long Failed,
    [property: Id(7)] long TimedOut)
{
    /// <summary>Failed or timed out, of the finished runs (0 without any).</summary>
    public double FailureRate => Finished == 0 ? 0 : (double)(Failed + TimedOut) / Finished;
}

/// <summary>Every tool with its production runs since <see cref="Since"/>, most used first.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.InsightsOverview")]
public sealed record InsightsOverview(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] IReadOnlyList<ToolUsage> Tools);

public static class InsightsLimits
{
    /// <summary>The overview counts the runs of the last 30 days.</summary>
    public const int OverviewDays = 30;

    /// <summary>The weekly list of a tool covers the last 12 weeks.</summary>
    public const int Weeks = 12;

    /// <summary>The most frequent author messages shown per version.</summary>
    public const int TopMessages = 5;

    /// <summary>Each message is cut to this many characters (it is the script's text and may echo a file's content).</summary>
    public const int MessageChars = 200;
}
