using System.Text.RegularExpressions;

namespace OrdinanceRules.Cli.Tests.Commands;

/// <summary>docs/adapting.md, "Starting from the model ordinance": its two files, written as the page shows them, give the output it shows.</summary>
public sealed partial class AdaptingFromTheModelDocTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("adapting-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AdaptingDoc_CityExtendingTheModel_ChecksAsThePageShows()
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Samples.Ordinance)))!;
        var page = File.ReadAllText(Path.Combine(root, "docs", "adapting.md")).ReplaceLineEndings("\n");
        var section = page[page.IndexOf("## Starting from the model ordinance", StringComparison.Ordinal)..page.IndexOf("## 1. Copy the Roeland Park file", StringComparison.Ordinal)];
        var files = FileBlock().Matches(section).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value);
        files.Keys.Should().BeEquivalentTo(["my-city-ks.yaml", "late-alert.yaml"]);
        File.Copy(Path.Combine(root, "samples", "ordinances", "aclu-kansas-model.yaml"), Path.Combine(_folder, "aclu-kansas-model.yaml"));
        foreach (var (name, body) in files)
        {
            File.WriteAllText(Path.Combine(_folder, name), body);
        }

        var result = Cli.Run("check", Path.Combine(_folder, "my-city-ks.yaml"), Path.Combine(_folder, "late-alert.yaml"));

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var shown = OutputBlock().Match(section).Groups["body"].Value.TrimEnd('\n').Split('\n');
        result.OutputLines.Should().ContainInConsecutiveOrder(shown);
    }

    [GeneratedRegex(@"```yaml\n# my-city/(?<name>[a-z-]+\.yaml)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FileBlock();

    [GeneratedRegex(@"```\n(?<body> COMPLIED .*?)```", RegexOptions.Singleline)]
    private static partial Regex OutputBlock();
}
