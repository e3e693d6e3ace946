using OrdinanceRules.Cli.SampleFiles;

namespace OrdinanceRules.Cli.Tests.SampleFiles;

public class SamplesCommandTests
{
    [Fact]
    public void BundledSamples_AreTheRepositorysSampleFiles()
    {
        var root = Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "..");
        var onDisk = Directory.EnumerateFiles(Path.Combine(root, "ordinances"), "*.yaml")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "scenarios"), "*.*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests"), "*.yaml", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        BundledSamples.Paths.Should().Equal(onDisk);
        BundledSamples.Read("ordinances/roeland-park-ks.yaml").Should().Be(File.ReadAllText(Samples.Ordinance));
    }

    [Fact]
    public void List_PrintsOrdinancesWithTitlesScenarioFoldersAndSuites()
    {
        var result = Cli.Run("samples", "list");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain("ordinances/roeland-park-ks.yaml  Protecting Public Safety and Community Resources Act")
            .And.Contain(l => l.StartsWith("scenarios/roeland-park/  ", StringComparison.Ordinal) && l.EndsWith(" scenarios", StringComparison.Ordinal))
            .And.Contain("tests/roeland-park/roeland-park.suite.yaml");
    }

    [Fact]
    public void Copy_IntoAFolder_WritesSamplesWhoseSuitesPassThere()
    {
        using var temp = new TempFolder();
        var folder = temp["samples"];

        var copy = Cli.Run("samples", "copy", folder);

        copy.ExitCode.Should().Be(CliApp.Ok, copy.Errors);
        copy.Output.Should().Contain($"Copied {BundledSamples.Paths.Count} sample files");
        var test = Cli.RunIn(temp.Path, "test", Path.Combine(folder, "tests"));
        test.ExitCode.Should().Be(CliApp.Ok, test.Output + test.Errors);
    }

    [Fact]
    public void Copy_OverExistingSamples_RefusesUnlessForced()
    {
        using var temp = new TempFolder();
        Cli.Run("samples", "copy", temp.Path).ExitCode.Should().Be(CliApp.Ok);

        var again = Cli.Run("samples", "copy", temp.Path);
        again.ExitCode.Should().Be(CliApp.BadInput);
        again.Errors.Should().Contain("error OR5401").And.Contain("--force");

        Cli.Run("samples", "copy", temp.Path, "--force").ExitCode.Should().Be(CliApp.Ok);
    }
}
