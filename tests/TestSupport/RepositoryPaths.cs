namespace Skriptoteket.TestSupport;

public static class RepositoryPaths
{
    /// <summary>The checkout's root: the nearest parent folder holding Skriptoteket.sln.</summary>
    public static string Root { get; } = FindRoot();

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
