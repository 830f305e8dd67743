namespace Skriptoteket.TestSupport;

/// <summary>Settings ./test.sh exports (from .local/env.sh). Missing ones fail loudly: a test never skips silently.</summary>
public static class TestEnvironment
{
    /// <summary>Connection string of a PostgreSQL role allowed to create databases.</summary>
    public static string AdminConnectionString => Require("ConnectionStrings__Skriptoteket");

    /// <summary>Tag of the runner image built by runner-image/build.sh.</summary>
    public static string RunnerImage => Require("Execution__RunnerImage");

    public static string? Chromium => Environment.GetEnvironmentVariable("SKRIPTOTEKET_CHROMIUM");

    public static string Require(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Environment variable {name} is not set. Run the tests through ./test.sh, which prepares PostgreSQL, Docker and the runner image.");
}
