using OrdinanceRules.Model;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Benchmarks;

/// <summary>The Roeland Park sample files, found by walking up to the folder that holds OrdinanceRules.sln.</summary>
public static class RoelandPark
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrdinanceRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("OrdinanceRules.sln was not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository's root folder, the one that holds OrdinanceRules.sln.</summary>
    public static string RootFolder => Root.Value;

    /// <summary>The path of samples/ordinances/roeland-park-ks.yaml.</summary>
    public static string OrdinancePath => Path.Combine(Root.Value, "samples", "ordinances", "roeland-park-ks.yaml");

    /// <summary>The path of a scenario under samples/scenarios/roeland-park/.</summary>
    /// <param name="file">The scenario's file name.</param>
    /// <returns>The path.</returns>
    public static string ScenarioPath(string file) => Path.Combine(Root.Value, "samples", "scenarios", "roeland-park", file);

    /// <summary>Reads the ordinance from YAML text held in memory.</summary>
    /// <param name="yaml">The ordinance's YAML.</param>
    /// <returns>The ordinance.</returns>
    public static Ordinance Parse(string yaml) => OrdinanceYaml.ParseOrdinance(yaml, OrdinancePath).GetValueOrThrow();

    /// <summary>Loads and compiles the ordinance.</summary>
    /// <returns>The compiled ordinance.</returns>
    public static CompiledOrdinance Compile() => OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(OrdinancePath).GetValueOrThrow());
}
