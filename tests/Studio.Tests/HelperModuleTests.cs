using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Skriptoteket.Web.Localization;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Studio.Tests;

/// <summary>
/// The studio's list of the helper module's names (help panel, completions, hovers) is the module's own: the same
/// public names (<c>__all__</c>) with the same signatures as Python reads them from runner-image/lib, and every
/// name is explained in Swedish and English.
/// </summary>
public sealed class HelperModuleTests
{
    private const string Inspect = """
        import inspect, sys
        sys.path.insert(0, sys.argv[1])
        import skriptoteket as st
        for name in st.__all__:
            value = getattr(st, name)
            kind = "class" if inspect.isclass(value) else "function" if callable(value) else "value"
            print(name, kind, str(inspect.signature(value)) if callable(value) else "", sep="\t")
        """;

    [Fact]
    public async Task The_list_matches_the_module_in_the_runner_image()
    {
        var lib = Path.Combine(RepositoryRoot(), "runner-image", "lib");
        var start = new ProcessStartInfo("python3", ["-c", Inspect, lib]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var python = Process.Start(start)!;
        var printed = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, errors);

        var module = printed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        var ours = HelperModule.Members.Select(m => $"{m.Name}\t{m.Kind.ToString().ToLowerInvariant()}\t{m.Signature}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(module, ours);
    }

    [Fact]
    public void Every_name_is_explained_in_swedish_and_in_english()
    {
        var swedish = Docs("sv");
        var english = Docs("en");
        Assert.All(HelperModule.Members, m =>
        {
            Assert.False(swedish[m.Name].ResourceNotFound, m.DocKey);
            // A key missing in the English file would fall back to the Swedish text.
            Assert.NotEqual(swedish[m.Name].Value, english[m.Name].Value);
        });
    }

    private static Dictionary<string, LocalizedString> Docs(string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var factory = new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
            var help = new StringLocalizer<StudioHelpStrings>(factory);
            return HelperModule.Members.ToDictionary(m => m.Name, m => help[m.DocKey]);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Skriptoteket.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Skriptoteket.sln not found above " + AppContext.BaseDirectory);
    }
}
