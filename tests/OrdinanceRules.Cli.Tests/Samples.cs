namespace OrdinanceRules.Cli.Tests;

/// <summary>The repository's bundled samples, found by walking up from the test's output folder.</summary>
internal static class Samples
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrdinanceRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrdinanceRules.sln not found above the test folder.");
    });

    /// <summary>The repository's root folder.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The Roeland Park ordinance.</summary>
    public static string Ordinance => Path.Combine(RootPath.Value, "samples", "ordinances", "roeland-park-ks.yaml");

    /// <summary>A Roeland Park scenario by file name, without the <c>.yaml</c>.</summary>
    public static string Scenario(string name) => Path.Combine(RootPath.Value, "samples", "scenarios", "roeland-park", name + ".yaml");
}
