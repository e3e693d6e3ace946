namespace OrdinanceRules.Cli.Tests.Comparison;

/// <summary>A folder of scenario files for one test: copies of sample scenarios and files written by the test; deleted afterwards.</summary>
internal sealed class ScenarioFolder : IDisposable
{
    public ScenarioFolder(params string[] sampleScenarios)
    {
        Directory.CreateDirectory(Path);
        foreach (var name in sampleScenarios)
        {
            File.Copy(Samples.Scenario(name), System.IO.Path.Combine(Path, name + ".yaml"));
        }
    }

    /// <summary>The Lawrence ordinance, beside the Roeland Park one.</summary>
    public static string Lawrence => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Samples.Ordinance)!, "lawrence-ks.yaml");

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ordinance-compare-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Writes a scenario file into the folder and returns its path.</summary>
    public string Write(string fileName, string yaml)
    {
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
