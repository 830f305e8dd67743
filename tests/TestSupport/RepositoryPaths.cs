namespace Skriptoteket.TestSupport;

public static class RepositoryPaths
{
    /// <summary>The checkout's root: the nearest parent folder holding Skriptoteket.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The built host assembly, from the same configuration as the running tests.</summary>
    public static string SiloAssembly
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}")
                ? "Release" : "Debug";
            var path = Path.Combine(Root, "src", "Silo", "bin", configuration, "net10.0", "Skriptoteket.Silo.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
        }
    }

    private static string FindRoot()
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
