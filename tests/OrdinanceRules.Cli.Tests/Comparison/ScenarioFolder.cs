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

    /// <summary>A scenario in Lawrence's vocabulary extension (a policy revision), which no other ordinance can read.</summary>
    public const string LawrencePolicyRevision = """
        scenario: LPD revises its policy
        as-of: 2021-04-01T12:00
        facts:
          - agency: LPD
            isCityDepartment: yes
          - policyRevision: rev-1
            agency: LPD
            topic: immigration-interactions
            adoptedAt: 2021-03-01T09:00
        """;

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
