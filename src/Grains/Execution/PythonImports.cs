namespace Skriptoteket.Grains.Execution;

/// <summary>
/// The modules a Python source imports, read from its text without running it: every <c>import a.b, c as d</c> and
/// <c>from a.b import x</c>, wherever it stands (inside a function, a <c>try</c>, after a <c>;</c> or a <c>:</c>).
/// Comments and string literals (any prefix, single or triple quoted) are skipped first, so a docstring that
/// mentions "import pandas" counts for nothing. Relative imports (<c>from . import x</c>) name no library.
/// It is a scan, not a parser: an import built at run time (<c>__import__("pandas")</c>) is not seen, which only
/// means the script imports that library itself (docs/execution.md, "Warm pool").
/// </summary>
internal static class PythonImports
{
    /// <summary>The top packages of the modules <paramref name="source"/> imports (<c>matplotlib.pyplot</c> → matplotlib).</summary>
    public static IReadOnlySet<string> TopPackages(string source)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var tokens = Tokens(source);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] == "from")
            {
                // from [.]*a.b import x: leading dots make it relative (the script's own package, no library)
                var at = i + 1;
                while (at < tokens.Count && tokens[at] == ".")
                {
                    at++;
                }
                var relative = at > i + 1;
                var named = DottedName(tokens, at, out var module, out at);
                if (at < tokens.Count && tokens[at] == "import" && (named || relative))
                {
                    if (!relative)
                    {
                        found.Add(Top(module));
                    }
                    i = at; // the names after this "import" are the module's members, not modules
                }
            }
            else if (tokens[i] == "import")
            {
                // import a.b [as c] (, d [as e])* ; anything else ends the statement (newlines are not tokens:
                // the next line cannot continue an import with a comma or "as").
                var at = i + 1;
                while (DottedName(tokens, at, out var module, out at))
                {
                    found.Add(Top(module));
                    if (at + 1 < tokens.Count && tokens[at] == "as")
                    {
                        at += 2;
                    }
                    if (at >= tokens.Count || tokens[at] != ",")
                    {
                        break;
                    }
                    at++;
                }
                i = at - 1;
            }
        }
        return found;
    }

    private static string Top(string module) => module.Split('.')[0];

    /// <summary>A dotted name (<c>a.b.c</c>) starting at <paramref name="at"/>; false (and <paramref name="next"/> = <paramref name="at"/>) when none starts there.</summary>
    private static bool DottedName(List<string> tokens, int at, out string name, out int next)
    {
        name = "";
        next = at;
        if (at >= tokens.Count || !IsIdentifier(tokens[at]))
        {
            return false;
        }
        var parts = new List<string> { tokens[at] };
        next = at + 1;
        while (next + 1 < tokens.Count && tokens[next] == "." && IsIdentifier(tokens[next + 1]))
        {
            parts.Add(tokens[next + 1]);
            next += 2;
        }
        name = string.Join('.', parts);
        return true;
    }

    /// <summary>A name, not one of the keywords of an import statement.</summary>
    private static bool IsIdentifier(string token) =>
        token.Length > 0 && (char.IsLetter(token[0]) || token[0] == '_') && token is not ("import" or "from" or "as");

    /// <summary>Identifiers and single punctuation characters; strings, comments and whitespace dropped.</summary>
    private static List<string> Tokens(string source)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '#')
            {
                while (i < source.Length && source[i] != '\n')
                {
                    i++;
                }
            }
            else if (c is '"' or '\'')
            {
                i = AfterString(source, i);
                tokens.Add("\"\""); // stands for the literal: "import 'x'" must not read as "import x"
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_'))
                {
                    i++;
                }
                tokens.Add(source[start..i]);
            }
            else if (char.IsWhiteSpace(c) || c == '\\')
            {
                i++; // a backslash outside a string only continues the line
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }
        return tokens;
    }

    /// <summary>
    /// The index after the string literal opening at <paramref name="start"/>. A backslash skips the next character
    /// (in raw strings too: r"\"" does not end at the escaped quote); a single-quoted string also ends at its line's end.
    /// </summary>
    private static int AfterString(string source, int start)
    {
        var quote = source[start];
        var triple = start + 2 < source.Length && source[start + 1] == quote && source[start + 2] == quote;
        var i = start + (triple ? 3 : 1);
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\')
            {
                i += 2;
            }
            else if (c == quote && (!triple || (i + 2 < source.Length && source[i + 1] == quote && source[i + 2] == quote)))
            {
                return i + (triple ? 3 : 1);
            }
            else if (c == '\n' && !triple)
            {
                return i;
            }
            else
            {
                i++;
            }
        }
        return source.Length;
    }
}
