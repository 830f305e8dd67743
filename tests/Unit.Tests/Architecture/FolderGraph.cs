using System.Text.RegularExpressions;

namespace Skriptoteket.Unit.Tests.Architecture;

/// <summary>
/// Which folder (= namespace) of src/ uses which, resolved the way C# finds a name: through `using` lines,
/// the _Imports.razor above a component, the enclosing namespaces (a subfolder sees its parent without a using)
/// and partly qualified names (`Runs.RunEndpoints` inside Skriptoteket.Web.Api). A text check rather than an IL
/// one on purpose: the compiler inlines `const` uses, and a constant was what made one of issue 19's cycles.
/// Comments, string literals and localizer keys are ignored. An edge counts only inside one project.
/// </summary>
public static partial class FolderGraph
{
    private sealed record SourceFile(string Path, string Namespace, string Code, HashSet<string> Types,
        HashSet<string> Usings, HashSet<string> Extensions);

    /// <summary>Every edge "from → to" with the first evidence found ("file: Type").</summary>
    public static Dictionary<(string From, string To), string> Edges(string src)
    {
        var files = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(src, f).Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            .Select(f => Parse(src, f)).ToList();
        var declared = files.SelectMany(f => f.Types, (f, t) => (t, f.Namespace)).ToLookup(x => x.t, x => x.Namespace);
        var extensions = files.SelectMany(f => f.Extensions, (f, m) => (m, f.Namespace)).ToLookup(x => x.m, x => x.Namespace);
        var namespaces = files.Select(f => f.Namespace).ToHashSet();
        var imports = files.Where(f => Path.GetFileName(f.Path) == "_Imports.razor")
            .ToDictionary(f => Path.GetDirectoryName(f.Path)!, f => f.Usings);
        var edges = new Dictionary<(string, string), string>();
        foreach (var f in files)
        {
            var parts = f.Namespace.Split('.');
            var enclosing = Enumerable.Range(0, parts.Length - 1).Select(k => string.Join('.', parts[..(parts.Length - k)])).ToList();
            var visible = enclosing.Concat(f.Usings).Concat(RazorImports(f.Path, src, imports)).ToHashSet();
            void Edge(string to, string what)
            {
                if (to != f.Namespace && Project(to) == Project(f.Namespace))
                {
                    edges.TryAdd((f.Namespace, to), $"{Path.GetRelativePath(src, f.Path)}: {what}");
                }
            }
            foreach (var name in SimpleName().Matches(f.Code).Select(m => m.Groups[1].Value).Distinct().Except(f.Types))
            {
                foreach (var ns in declared[name].Where(visible.Contains)) Edge(ns, name);
            }
            foreach (var dotted in DottedName().Matches(f.Code).Select(m => m.Groups[1].Value).Distinct())
            {
                var names = dotted.Split('.');
                for (var k = 1; k < names.Length; k++)
                {
                    var prefix = string.Join('.', names[..k]);
                    if (enclosing.Select(e => $"{e}.{prefix}").FirstOrDefault(namespaces.Contains) is { } ns
                        && declared[names[k]].Contains(ns))
                    {
                        Edge(ns, $"{prefix}.{names[k]}");
                    }
                }
            }
            foreach (var call in Call().Matches(f.Code).Select(m => m.Groups[1].Value).Distinct().Except(f.Extensions))
            {
                foreach (var ns in extensions[call].Where(visible.Contains)) Edge(ns, call + "()");
            }
        }
        return edges;
    }

    /// <summary>Groups of two or more folders that reach each other (Tarjan's strongly connected components).</summary>
    public static List<HashSet<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var graph = edges.ToLookup(e => e.From, e => e.To);
        var nodes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<HashSet<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in graph[v])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (stack.Contains(w)) { low[v] = Math.Min(low[v], index[w]); }
            }
            if (low[v] != index[v]) return;
            var group = new HashSet<string>();
            string popped;
            do { popped = stack.Pop(); group.Add(popped); } while (popped != v);
            if (group.Count > 1) cycles.Add(group);
        }
        foreach (var v in nodes.Where(v => !index.ContainsKey(v))) Visit(v);
        return cycles;
    }

    private static SourceFile Parse(string src, string path)
    {
        var code = Strip(File.ReadAllText(path));
        var isCs = path.EndsWith(".cs", StringComparison.Ordinal);
        var declaredNamespace = NamespaceLine().Match(code);
        var ns = declaredNamespace.Success
            ? declaredNamespace.Groups[1].Value
            : "Skriptoteket." + Path.GetRelativePath(src, Path.GetDirectoryName(path)!).Replace(Path.DirectorySeparatorChar, '.');
        var types = new HashSet<string>();
        var depth = 0;                                   // top-level types only: nested ones need their outer name
        foreach (Match t in TypeOrBrace().Matches(code))
        {
            depth += t.Value switch { "{" => 1, "}" => -1, _ => 0 };
            if (depth == 0 && t.Groups[1].Success && isCs) types.Add(t.Groups[1].Value);
        }
        var name = Path.GetFileName(path);
        if (!isCs && name != "_Imports.razor") types.Add(name[..^".razor".Length]);
        var usings = UsingLine().Matches(code).Select(m => m.Groups[1].Value).ToHashSet();
        var extensions = ExtensionMethod().Matches(code).Select(m => m.Groups[1].Value).ToHashSet();
        return new SourceFile(path, ns, code, types, usings, extensions);
    }

    private static IEnumerable<string> RazorImports(string path, string src, Dictionary<string, HashSet<string>> imports)
    {
        if (!path.EndsWith(".razor", StringComparison.Ordinal)) yield break;
        for (var dir = Path.GetDirectoryName(path); dir is not null && dir.StartsWith(src, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir))
        {
            foreach (var u in imports.GetValueOrDefault(dir) ?? []) yield return u;
        }
    }

    /// <summary>"Grains.Abstractions", "Grains", "Web" or "Silo".</summary>
    private static string Project(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length > 2 && parts[1] == "Grains" && parts[2] == "Abstractions" ? "Grains.Abstractions" : parts[1];
    }

    /// <summary>Drops localizer keys, comments and string literals (keeping interpolation holes).</summary>
    private static string Strip(string text)
    {
        text = LocalizerKey().Replace(text, "\"\"");
        text = BlockComment().Replace(text, " ");
        text = LineComment().Replace(text, " ");
        return StringLiteral().Replace(text, m => string.Join(' ', Hole().Matches(m.Value).Select(h => h.Groups[1].Value)));
    }

    [GeneratedRegex(@"""[A-Za-z]+(?:\.[A-Za-z]+)+""")] private static partial Regex LocalizerKey();
    [GeneratedRegex(@"/\*.*?\*/|@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)] private static partial Regex BlockComment();
    [GeneratedRegex(@"//[^\n]*")] private static partial Regex LineComment();
    [GeneratedRegex(@"@?\$?""(?:[^""\\\n]|\\.)*""")] private static partial Regex StringLiteral();
    [GeneratedRegex(@"\{([^}]*)\}")] private static partial Regex Hole();
    [GeneratedRegex(@"^namespace\s+([\w.]+)", RegexOptions.Multiline)] private static partial Regex NamespaceLine();
    [GeneratedRegex(@"[{}]|\b(?:class|record|interface|struct|enum)\s+(\w+)")] private static partial Regex TypeOrBrace();
    [GeneratedRegex(@"^\s*@?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)", RegexOptions.Multiline)] private static partial Regex UsingLine();
    [GeneratedRegex(@"\bstatic\s+[\w<>\[\],.? ]+?\s+(\w+)\s*(?:<[^>]*>)?\s*\(\s*this\b")] private static partial Regex ExtensionMethod();
    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\b(?!=)")] private static partial Regex SimpleName();
    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*(?:\.[A-Z]\w*)+)")] private static partial Regex DottedName();
    [GeneratedRegex(@"\.\s*(\w+)\s*(?:<[^>()]*>)?\s*\(")] private static partial Regex Call();
}
