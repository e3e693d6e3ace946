namespace OrdinanceRules.Cli.Tests;

/// <summary>A YAML file written for one test in a folder of its own, deleted afterwards.</summary>
internal sealed class TempYaml : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ordinance-cli-tests", Guid.NewGuid().ToString("N"));

    public TempYaml(string name, string yaml)
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllText(Path, yaml.ReplaceLineEndings("\n"));
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
