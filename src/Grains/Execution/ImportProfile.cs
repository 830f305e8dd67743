using System.Numerics;

namespace Skriptoteket.Grains.Execution;

/// <summary>
/// Which of the curated heavy libraries a script imports (docs/execution.md, "Warm pool"): the pool keeps warm
/// containers that imported exactly such a set, so a run finds its libraries loaded and a tool that imports none
/// of them gets a plain Python container (≈ 50 ms of CPU to warm instead of 1.5–5 s). Derived from the version's
/// source when its run takes a container (<see cref="Of"/>, microseconds): a version's source never changes, so
/// the answer is the same every time, and it holds for every version, checked in the studio or not.
/// </summary>
internal readonly record struct ImportProfile
{
    /// <summary>
    /// The one list of curated heavy libraries, heaviest and most used first (a container warms them in this order).
    /// A script counts for an entry when it imports the entry's top package; the container imports the entry's
    /// modules, passed as arguments of the warm entry (runner-image/warm.py imports exactly what it is given).
    /// </summary>
    public static readonly IReadOnlyList<CuratedLibrary> Curated =
    [
        new("pandas", ["pandas"]),
        new("numpy", ["numpy"]),
        new("openpyxl", ["openpyxl"]),
        new("docx", ["docx"]),
        new("matplotlib", ["matplotlib", "matplotlib.pyplot"]),
        new("pypdf", ["pypdf"]),
        new("PIL", ["PIL.Image"]),
        new("xlsxwriter", ["xlsxwriter"]),
        new("jinja2", ["jinja2"]),
        new("lxml", ["lxml.etree"]),
    ];

    private ImportProfile(int mask) => Mask = mask;

    /// <summary>One bit per <see cref="Curated"/> entry.</summary>
    private int Mask { get; }

    /// <summary>No curated library: plain Python.</summary>
    public static ImportProfile Plain => default;

    /// <summary>Every curated library: what every warm container imported before profiles, and still before any demand.</summary>
    public static ImportProfile Full { get; } = new((1 << Curated.Count) - 1);

    public bool IsPlain => Mask == 0;

    /// <summary>How many curated libraries it holds.</summary>
    public int Count => BitOperations.PopCount((uint)Mask);

    /// <summary>The profile of a script: the curated libraries among the top packages its source imports.</summary>
    public static ImportProfile Of(string source)
    {
        var packages = PythonImports.TopPackages(source);
        var mask = 0;
        for (var i = 0; i < Curated.Count; i++)
        {
            if (packages.Contains(Curated[i].Package))
            {
                mask |= 1 << i;
            }
        }
        return new ImportProfile(mask);
    }

    /// <summary>The profile of the named packages (tests, benchmark); unknown names count for nothing.</summary>
    public static ImportProfile OfPackages(params string[] packages) =>
        Of(string.Join('\n', packages.Select(p => "import " + p)));

    /// <summary>True when a container of this profile has imported everything a run of <paramref name="run"/> imports.</summary>
    public bool Covers(ImportProfile run) => (Mask & run.Mask) == run.Mask;

    /// <summary>How many curated libraries both hold.</summary>
    public int Shared(ImportProfile other) => BitOperations.PopCount((uint)(Mask & other.Mask));

    /// <summary>The modules a warm container of this profile imports, in <see cref="Curated"/> order.</summary>
    public IReadOnlyList<string> Modules => [.. Libraries.SelectMany(l => l.Modules)];

    /// <summary>"plain", or the packages joined with "+" (logs, metrics).</summary>
    public override string ToString() => IsPlain ? "plain" : Mask == Full.Mask ? "full" : string.Join('+', Libraries.Select(l => l.Package));

    private IEnumerable<CuratedLibrary> Libraries
    {
        get
        {
            var mask = Mask;
            return Curated.Where((_, i) => (mask & (1 << i)) != 0);
        }
    }
}

/// <summary>One curated library: the top package a script imports, and the modules a warm container imports for it.</summary>
internal sealed record CuratedLibrary(string Package, IReadOnlyList<string> Modules);
