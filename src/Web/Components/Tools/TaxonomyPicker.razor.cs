using Microsoft.AspNetCore.Components;
using Skriptoteket.Grains.Abstractions.Catalog;
using Skriptoteket.Web.Tools;

namespace Skriptoteket.Web.Components.Tools;

public partial class TaxonomyPicker
{
    [Parameter, EditorRequired] public CatalogTaxonomy Taxonomy { get; set; } = null!;
    [Parameter, EditorRequired] public HashSet<string> Professions { get; set; } = null!;
    [Parameter, EditorRequired] public HashSet<string> Categories { get; set; } = null!;

    private static void Toggle(HashSet<string> set, string slug, bool on)
    {
        if (on)
        {
            set.Add(slug);
        }
        else
        {
            set.Remove(slug);
        }
    }
}
