using Skriptoteket.TestSupport;

namespace Skriptoteket.Unit.Tests.Architecture;

/// <summary>Folders (= namespaces) of each src/ project never use each other both ways (docs/architecture.md).</summary>
public sealed class FolderCycleTests
{
    private static readonly Dictionary<(string From, string To), string> Edges =
        FolderGraph.Edges(Path.Combine(RepositoryPaths.Root, "src"));

    [Fact]
    public void No_two_folders_use_each_other()
    {
        var cycles = FolderGraph.Cycles(Edges.Keys);

        Assert.True(cycles.Count == 0, string.Join('\n', cycles.SelectMany(c => Edges
            .Where(e => c.Contains(e.Key.From) && c.Contains(e.Key.To))
            .Select(e => $"{e.Key.From} -> {e.Key.To} ({e.Value})"))));
    }

    [Theory]   // the check sees edges made each way C# resolves a name, or it would pass on any tree
    [InlineData("Skriptoteket.Grains.Runs", "Skriptoteket.Grains.Execution")]     // using line
    [InlineData("Skriptoteket.Web.Api.Runs", "Skriptoteket.Web.Api")]             // parent namespace, no using
    [InlineData("Skriptoteket.Grains.Retention", "Skriptoteket.Grains.Sessions")] // partly qualified (Sessions.ToolSessionStore)
    [InlineData("Skriptoteket.Web.Components.Layout", "Skriptoteket.Web.Identity")] // extension method from .razor.cs
    public void The_check_sees_the_directions_the_docs_name(string from, string to) =>
        Assert.Contains((from, to), Edges.Keys);

    [Fact]
    public void A_use_back_makes_a_cycle() =>
        Assert.Single(FolderGraph.Cycles([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")]));
}
