using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Web.Api.Runs;

/// <summary>
/// A run started with a JSON body instead of multipart (a tool that takes no file): {"fields": {name: value}}.
/// Only the object is taken out here; the run grain checks it against the version's declaration.
/// </summary>
public static class RunFieldsBody
{
    public static async Task<string?> ReadAsync(HttpContext http)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            throw FieldValueRules.Refusal([new FieldProblem("", "Begäran kunde inte läsas: skicka {\"fields\": {namn: värde}}.", "ValuesUnreadable")]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw DomainException.Invalid("Skicka ett JSON-objekt: {\"fields\": {namn: värde}}.", "Api.FieldsBody");
            }
            return document.RootElement.TryGetProperty("fields", out var fields) ? fields.GetRawText() : null;
        }
    }
}
