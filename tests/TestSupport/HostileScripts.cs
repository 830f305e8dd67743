namespace Skriptoteket.TestSupport;

/// <summary>
/// The hostile scripts of the execution issue, written once: Runner.Tests runs them through the execution service
/// (what the container allows), Grains.Tests through run grains (what the run records).
/// </summary>
public static class HostileScripts
{
    public const string InfiniteLoop = "def run_tool(i, o):\n    while True:\n        pass\n";

    public const string ForkBomb = "import os\ndef run_tool(i, o):\n    while True:\n        os.fork()\n";

    public const string MemoryHog = "def run_tool(i, o):\n    a = []\n    while True:\n        a.append(bytearray(50_000_000))\n";

    public const string Network = "import socket\ndef run_tool(i, o):\n    socket.create_connection(('10.0.0.1', 80), timeout=2)\n";

    public const string PrintForever = "def run_tool(i, o):\n    while True:\n        print('x' * 10000)\n";

    /// <summary>Output blocks past every cap of protocol v2, with NUL and lone surrogates in their text.</summary>
    public const string HostileBlocks = """
        import skriptoteket as st
        def run_tool(i, o):
            bad = "a\x00b\ud800c"
            table = st.table([bad] * 500, [[bad * 1000] * 500 for _ in range(10)] + [[1]] * 100_000, title=bad * 1000)
            return [table, st.notice(bad * 100_000), st.markdown(bad * 100_000), st.html(bad * 1_000_000)] + [st.notice(bad)] * 1000
        """;

    public const string HugeHtml = "def run_tool(i, o):\n    return '<p>' + 'å' * 5_000_000\n";

    public const string BackgroundChild = """
        import subprocess
        def run_tool(i, o):
            subprocess.Popen(["sleep", "1000"], start_new_session=True)
            return "left a child"
        """;

    /// <summary>A symlink to /etc/passwd and a file beside the output folder; only ok.txt may be kept.</summary>
    public const string SymlinkAndEscape = """
        import os
        def run_tool(i, o):
            os.symlink("/etc/passwd", os.path.join(o, "link_passwd"))
            with open(os.path.join(o, "..", "escape.txt"), "w") as f:
                f.write("outside")
            with open(os.path.join(o, "ok.txt"), "w") as f:
                f.write("fine")
            return "done"
        """;

    /// <summary>About 3 MB on each of stdout and stderr (far over the caps), then a normal return.</summary>
    public const string StdoutAndStderrFlood = """
        import sys
        def run_tool(i, o):
            for _ in range(3000):
                print("x" * 1000)
                print("y" * 1000, file=sys.stderr)
            return "flooded"
        """;

    public const string ThousandsOfArtifacts = """
        import os
        def run_tool(i, o):
            for n in range(3000):
                with open(os.path.join(o, f"f{n:05}.txt"), "w") as f:
                    f.write(str(n))
            return "many"
        """;

    /// <summary>Returns the script's environment and, if readable, that of the container's first process.</summary>
    public const string EnvironmentDump = """
        import os
        def run_tool(i, o):
            env = "\n".join(f"{k}={v}" for k, v in sorted(os.environ.items()))
            parent = open("/proc/1/environ", "rb").read().decode(errors="replace") if os.access("/proc/1/environ", os.R_OK) else ""
            return env + "\n--\n" + parent
        """;

    /// <summary>Writes to the folder until something stops it, without catching the error.</summary>
    public static string DiskFill(string folder) =>
        $"def run_tool(i, o):\n    f = open('{folder}/fill', 'wb')\n    while True:\n        f.write(b'x' * 1_000_000)\n";
}
