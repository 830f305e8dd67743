using Skriptoteket.Grains.Abstractions.Identity;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Sessions;

/// <summary>
/// One person's saved settings for one tool (key: <see cref="ToolSettingsKey"/>; sandbox settings apart), read by
/// every run of that tool as <c>st.settings</c>. Values are checked against a version's settings declaration;
/// saved values that no longer fit a newer declaration are dropped and named once in <see cref="ToolSettingsInfo.Dropped"/>.
/// </summary>
[Alias("Skriptoteket.IToolSettingsGrain")]
public interface IToolSettingsGrain : IGrainWithStringKey
{
    /// <summary>The saved values as they fit <paramref name="versionId"/>'s declaration (defaults filled in).</summary>
    [Alias("Get")]
    Task<ToolSettingsInfo> GetAsync(ActingUser user, Guid versionId);

    /// <summary>Checks and saves values (a JSON object) against <paramref name="versionId"/>'s declaration.</summary>
    [Alias("Save")]
    Task<ToolSettingsInfo> SaveAsync(ActingUser user, Guid versionId, string valuesJson);

    /// <summary>
    /// The values a run of <paramref name="versionId"/> gets (the run grain; <c>st.settings</c>). Values that no longer
    /// fit are dropped here too, but stay named for the next <see cref="GetAsync"/>, so the page still tells the
    /// person; a required setting without a value refuses the run with a Swedish VALIDATION error.
    /// </summary>
    [Alias("ForRun")]
    Task<string> ForRunAsync(ActingUser user, Guid versionId);
}

public static class ToolSettingsKey
{
    public static string For(Guid toolId, Guid userId, bool sandbox) => $"{(sandbox ? "s" : "p")}/{toolId:N}/{userId:N}";

    /// <summary>Reads a key back (the same form as a session key's); null when it is not one.</summary>
    public static (bool Sandbox, Guid ToolId, Guid UserId)? Parse(string key) =>
        ToolSessionKey.Parse(key) is var (kind, tool, user) && kind != SessionKind.ExampleCheck ? (kind == SessionKind.Sandbox, tool, user) : null;
}

/// <summary>
/// The declaration, the checked values (JSON object, defaults filled in) and the settings just dropped, each named
/// by the label it had when its value was saved (told once).
/// </summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolSettingsInfo")]
public sealed record ToolSettingsInfo(
    [property: Id(0)] IReadOnlyList<InputField> Declaration,
    [property: Id(1)] string ValuesJson,
    [property: Id(2)] IReadOnlyList<string> Dropped);
