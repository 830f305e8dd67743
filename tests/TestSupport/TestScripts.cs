namespace Skriptoteket.TestSupport;

/// <summary>Tool scripts more than one suite runs.</summary>
public static class TestScripts
{
    /// <summary>Sleeps as many seconds as its one input file says, then answers "vaken": a run that lasts as long as a test needs.</summary>
    public const string Sleeper = """
        import time
        def run_tool(input_path, output_dir):
            time.sleep(float(open(input_path, encoding="utf-8").read()))
            return "<p>vaken</p>"
        """;
}
