using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Skriptoteket.Grains.Abstractions.Errors;

namespace Skriptoteket.Grains.Abstractions.Tools.Inputs;

/// <summary>
/// The one JSON form of a declaration: the query row (tool_versions.inputs), the zip's inputs.json, the studio's
/// JSON view and the content hash all use it, so the same declaration is always the same text.
/// Kinds are snake_case ("one_choice"); properties camelCase; nulls left out.
/// </summary>
public static class ToolInputsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// The form people read (the JSON view, the zip's inputs.json, diffs): "Gräns" stays "Gräns", not "Gr\u00E4ns".
    /// Only the compact form above goes into the content hash, so how this one escapes changes no version's hash;
    /// pages show it as HTML-encoded text, never as markup or script.
    /// </summary>
    private static readonly JsonSerializerOptions Indented = new(Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ToolInputs inputs, bool indented = false) =>
        JsonSerializer.Serialize(Canonical(inputs), indented ? Indented : Options);

    /// <summary>
    /// An empty settings list means no settings: it becomes null, so "settings" is left out of the JSON and a
    /// version that declares none keeps the content hash it had before settings existed.
    /// </summary>
    public static ToolInputs Canonical(ToolInputs inputs) => inputs.Settings is { Count: 0 } ? inputs with { Settings = null } : inputs;

    /// <summary>Reads a declaration someone wrote (JSON view, zip, API); a Swedish VALIDATION error when unreadable.</summary>
    public static ToolInputs Read(string json)
    {
        try
        {
            var inputs = JsonSerializer.Deserialize<ToolInputs>(json, Options);
            return inputs is { Fields: not null, Files: not null }
                ? Canonical(inputs)
                : throw DomainException.Invalid("Indata-deklarationen måste ha \"fields\" och \"files\".", "Inputs.Unreadable");
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" (vid {path})" : "";
            throw DomainException.Invalid($"Indata-deklarationen är inte giltig JSON{where}.", "Inputs.Unreadable");
        }
    }

    /// <summary>The stored declaration of a version; null (a version from before declarations) is <see cref="ToolInputs.Legacy"/>.</summary>
    public static ToolInputs ReadStored(string? json) => json is null ? ToolInputs.Legacy : Canonical(JsonSerializer.Deserialize<ToolInputs>(json, Options)!);
}
