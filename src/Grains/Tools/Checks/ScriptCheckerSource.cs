namespace Skriptoteket.Grains.Tools.Checks;

/// <summary>
/// The fixed checker the runner container executes in place of a tool. The author's script arrives as an
/// input file and is only parsed with ast.parse, never imported or run. Returns the problems as JSON.
/// </summary>
internal static class ScriptCheckerSource
{
    public const string Entrypoint = "run_tool";
    public const string ScriptInput = "script.py.txt";
    public const string EntrypointInput = "entrypoint.txt";

    public const string Source = """
        import ast
        import json
        import os


        def _problem(code, line, column, detail):
            return {"code": code, "line": int(line or 1), "column": int(column or 1), "detail": str(detail)}


        def _shape_ok(fn):
            if isinstance(fn, ast.AsyncFunctionDef):
                return False
            a = fn.args
            positional = a.posonlyargs + a.args
            required = len(positional) - len(a.defaults)
            required_kwonly = [k for k, d in zip(a.kwonlyargs, a.kw_defaults) if d is None]
            return (len(positional) >= 2 or a.vararg is not None) and required <= 2 and not required_kwonly


        def run_tool(input_path, output_dir):
            folder = os.path.dirname(input_path)
            with open(os.path.join(folder, "entrypoint.txt"), encoding="utf-8") as f:
                entrypoint = f.read().strip()
            with open(input_path, "rb") as f:
                data = f.read()
            try:
                tree = ast.parse(data, filename="script.py")
            except SyntaxError as e:
                return json.dumps([_problem("syntax", e.lineno, e.offset, e.msg)])
            except ValueError as e:
                return json.dumps([_problem("syntax", 1, 1, e)])
            functions = [n for n in tree.body
                         if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == entrypoint]
            if not functions:
                return json.dumps([_problem("entrypoint_missing", 1, 1, entrypoint)])
            last = functions[-1]
            if not _shape_ok(last):
                return json.dumps([_problem("entrypoint_shape", last.lineno, last.col_offset + 1, entrypoint)])
            return "[]"

        """;
}
