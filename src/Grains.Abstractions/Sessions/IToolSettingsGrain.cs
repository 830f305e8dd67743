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
}

public static class ToolSettingsKey
{
    public static string For(Guid toolId, Guid userId, bool sandbox) => $"{(sandbox ? "s" : "p")}/{toolId:N}/{userId:N}";
}

/// <summary>The declaration, the checked values (JSON object, defaults filled in) and the names just dropped.</summary>
[GenerateSerializer, Immutable, Alias("Skriptoteket.ToolSettingsInfo")]
public sealed record ToolSettingsInfo(
    [property: Id(0)] IReadOnlyList<InputField> Declaration,
    [property: Id(1)] string ValuesJson,
    [property: Id(2)] IReadOnlyList<string> Dropped);
