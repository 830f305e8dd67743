using System.Globalization;
using Skriptoteket.Grains.Abstractions.Errors;
using Skriptoteket.Grains.Abstractions.Tools.Inputs;

namespace Skriptoteket.Grains.Abstractions.Runs;

/// <summary>
/// The one upload contract (SPEC §6, settings section "Uploads"), bound once by the host and used by the run
/// grain, the runs API and the run page, so all three refuse the same files with the same Swedish message
/// (and the same key, "Upload.*", which the UI translates).
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "Uploads";

    /// <summary>
    /// Highest allowed <see cref="MaxRunBytes"/>. A run's files travel to its grain in one message, and Orleans
    /// refuses messages over 100 MB (MessagingOptions.MaxMessageBodySize): 64 MB keeps every run request well
    /// below that, with room for the request's other fields and the serializer's framing.
    /// </summary>
    public const long MessageCeilingBytes = 64L * 1024 * 1024;

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>Largest accepted file.</summary>
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Largest accepted total of one run's files (at most <see cref="MessageCeilingBytes"/>).</summary>
    public long MaxRunBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Most files in one run.</summary>
    public int MaxFiles { get; set; } = 10;

    /// <summary>The value of a file input's accept attribute.</summary>
    public static string Accept => string.Join(',', FileInputs.AllowedTypes);

    /// <summary>One sentence for the page: which files, how large, how many.</summary>
    public string Description =>
        $"{TypeList()}; högst {Size(MaxFileBytes)} per fil, {Size(MaxRunBytes)} och {MaxFiles} filer per körning";

    /// <summary>Configuration mistakes, for options validation at start (empty when the limits are usable).</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxFileBytes <= 0 || MaxRunBytes <= 0 || MaxFiles <= 0)
        {
            yield return "Uploads:MaxFileBytes, Uploads:MaxRunBytes and Uploads:MaxFiles must be positive.";
        }
        if (MaxRunBytes > MessageCeilingBytes)
        {
            yield return $"Uploads:MaxRunBytes may be at most {MessageCeilingBytes} (one grain message per run).";
        }
        if (MaxFileBytes > MaxRunBytes)
        {
            yield return "Uploads:MaxFileBytes may not exceed Uploads:MaxRunBytes.";
        }
    }

    /// <summary>
    /// Checks names and sizes only, so the page and the API can refuse before reading any bytes; the grain
    /// checks again on the files themselves. Throws a validation error in Swedish.
    /// </summary>
    public void Check(IReadOnlyCollection<(string Name, long Bytes)> files)
    {
        if (files.Count > MaxFiles)
        {
            throw DomainException.Invalid($"Högst {MaxFiles} filer per körning.", "Upload.TooManyFiles", Text(MaxFiles));
        }
        long total = 0;
        foreach (var (name, bytes) in files)
        {
            if (!FileInputs.AllowedTypes.Contains(Path.GetExtension(name).ToLowerInvariant()))
            {
                throw DomainException.Invalid($"Filtypen för \"{Clip(name)}\" stöds inte. Tillåtna filtyper: {TypeList()}.",
                    "Upload.WrongType", Clip(name), string.Join(", ", FileInputs.AllowedTypes.Select(e => e.TrimStart('.'))));
            }
            if (bytes > MaxFileBytes)
            {
                throw DomainException.Invalid(
                    $"Filen \"{Clip(name)}\" är för stor. Största tillåtna storlek är {Size(MaxFileBytes)} per fil.",
                    "Upload.TooLarge", Clip(name), Size(MaxFileBytes));
            }
            if (bytes == 0)
            {
                throw DomainException.Invalid($"Filen \"{Clip(name)}\" är tom.", "Upload.Empty", Clip(name));
            }
            total += bytes;
        }
        if (total > MaxRunBytes)
        {
            throw TooLargeTogether();
        }
    }

    /// <summary>The message for a run whose files exceed <see cref="MaxRunBytes"/> together.</summary>
    public DomainException TooLargeTogether() =>
        DomainException.Invalid($"Filerna är för stora tillsammans. Högst {Size(MaxRunBytes)} per körning.",
            "Upload.TooLargeTogether", Size(MaxRunBytes));

    /// <summary>"25 MB", "1,5 MB", "512 kB", "25 byte": sizes as a Swedish reader expects them.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.#", Swedish) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", Swedish) + " kB",
        _ => bytes.ToString(Swedish) + " byte",
    };

    private static string TypeList()
    {
        var names = FileInputs.AllowedTypes.Select(e => e.TrimStart('.')).ToList();
        return string.Join(", ", names[..^1]) + " och " + names[^1];
    }

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static string Clip(string text) => text.Length <= 80 ? text : text[..80];
}
