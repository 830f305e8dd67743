using Skriptoteket.Grains.Execution;

namespace Skriptoteket.Unit.Tests.Runs;

/// <summary>A script's import profile: the curated heavy libraries its source imports, read without running it.</summary>
public sealed class ImportProfileTests
{
    [Theory]
    [InlineData("import pandas\n", "pandas")]
    [InlineData("import pandas as pd, numpy as np\n", "pandas+numpy")]
    [InlineData("from openpyxl.styles import Font, Alignment\n", "openpyxl")]
    [InlineData("import matplotlib.pyplot as plt\n", "matplotlib")]
    [InlineData("from PIL import Image\n", "PIL")]
    [InlineData("from lxml import etree\nimport docx\n", "docx+lxml")]
    [InlineData("def run_tool(i, o):\n    import pandas\n    return 'ok'\n", "pandas")]
    [InlineData("try:\n    import xlsxwriter\nexcept ImportError:\n    pass\n", "xlsxwriter")]
    [InlineData("import os; import jinja2\n", "jinja2")]
    [InlineData("if True: import pypdf\n", "pypdf")]
    [InlineData("import os, \\\n    pandas\n", "pandas")]
    [InlineData("from pandas import (\n    DataFrame,\n    read_csv,\n)\nimport numpy\n", "pandas+numpy")]
    public void Imports_anywhere_count_by_their_top_package(string source, string expected)
    {
        Assert.Equal(expected, ImportProfile.Of(source).ToString());
    }

    [Theory]
    [InlineData("def run_tool(i, o):\n    return 'ok'\n")]
    [InlineData("import os, sys, json, csv\nfrom pathlib import Path\n")]
    [InlineData("# import pandas\nimport os  # import numpy\n")]
    [InlineData("\"\"\"A tool.\n\nimport pandas\nfrom openpyxl import load_workbook\n\"\"\"\n")]
    [InlineData("HELP = 'import pandas'\nOTHER = \"from numpy import x\"\n")]
    [InlineData("TEXT = r'''\nimport matplotlib\n'''\nMORE = f\"{x} import docx\"\n")]
    [InlineData("S = 'it\\'s import pandas'\n")]
    [InlineData("from . import pandas\nfrom .numpy import x\n")]
    [InlineData("import pandasql\nimport my_numpy\nfrom numpyish import x\n")]
    [InlineData("x = importlib.import_module('pandas')\nyield_from = 1\n")]
    [InlineData("def g():\n    yield from pandas_rows()\n    raise ValueError() from numpy_error\n")]
    public void Comments_strings_relative_imports_and_other_packages_count_for_nothing(string source)
    {
        var profile = ImportProfile.Of(source);

        Assert.True(profile.IsPlain, profile.ToString());
        Assert.Equal("plain", profile.ToString());
    }

    [Fact]
    public void Code_after_a_string_with_an_escaped_quote_is_still_read()
    {
        Assert.Equal("pandas", ImportProfile.Of("s = \"say \\\"hi\\\"\"\nimport pandas\n").ToString());
        Assert.Equal("numpy", ImportProfile.Of("s = ''\nt = ''''''\nimport numpy\n").ToString());
    }

    [Fact]
    public void The_full_profile_holds_every_curated_library_and_its_modules_in_the_curated_order()
    {
        var full = ImportProfile.Full;

        Assert.Equal(ImportProfile.Curated.Count, full.Count);
        Assert.Equal("full", full.ToString());
        Assert.Equal(ImportProfile.Curated.SelectMany(l => l.Modules), full.Modules);
        Assert.Contains("matplotlib.pyplot", full.Modules);
        Assert.Empty(ImportProfile.Plain.Modules);
    }

    [Fact]
    public void A_profile_covers_the_profiles_it_holds()
    {
        var pandas = ImportProfile.OfPackages("pandas");
        var both = ImportProfile.OfPackages("pandas", "openpyxl");

        Assert.True(both.Covers(pandas));
        Assert.False(pandas.Covers(both));
        Assert.True(pandas.Covers(ImportProfile.Plain));
        Assert.True(ImportProfile.Full.Covers(both));
        Assert.False(ImportProfile.Plain.Covers(pandas));
        Assert.Equal(1, both.Shared(pandas));
        Assert.Equal(["pandas", "openpyxl"], both.Modules);
    }

    [Fact]
    public void The_warm_entry_names_the_profiles_modules_after_the_wrapper()
    {
        Assert.Equal(ContainerSpec.WarmEntrypoint, ContainerSpec.WarmEntrypointFor(ImportProfile.Plain));
        Assert.Equal([.. ContainerSpec.WarmEntrypoint, "matplotlib", "matplotlib.pyplot"],
            ContainerSpec.WarmEntrypointFor(ImportProfile.OfPackages("matplotlib")));
    }
}
