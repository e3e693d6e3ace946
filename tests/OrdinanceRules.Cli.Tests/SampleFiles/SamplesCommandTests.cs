using OrdinanceRules.Cli.SampleFiles;
using OrdinanceRules.Cli.Tests.Schemas;
using OrdinanceRules.Json;

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

    [Fact]
    public void List_FormatJson_NamesEverySampleWithItsKindAndTheOrdinancesTitles()
    {
        var result = Cli.Run("samples", "list", "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        SchemaFiles.Errors("samples", result.Output).Should().BeNull();
        var document = OrdinanceJson.Read<SamplesDocument>(result.Output);
        document.Samples.Select(s => s.Path).Should().Equal(BundledSamples.Paths);
        document.Samples.Should().ContainEquivalentOf(new SampleJson("ordinances/aclu-kansas-model.yaml", "ordinance", "Safe and Welcoming model rules (national ACLU rules 1-5 and reconstructed Kansas rules)"))
            .And.ContainEquivalentOf(new SampleJson("scenarios/shared/EXPECTED.md", "notes"))
            .And.ContainEquivalentOf(new SampleJson("tests/roeland-park/roeland-park.suite.yaml", "suite"));
        document.CopiedTo.Should().BeNull();
    }

    [Fact]
    public void Copy_FormatJson_SaysWhereItCopiedThem()
    {
        using var temp = new TempFolder();

        var result = Cli.Run("samples", "copy", temp["samples"], "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        SchemaFiles.Errors("samples", result.Output).Should().BeNull();
        var document = OrdinanceJson.Read<SamplesDocument>(result.Output);
        document.CopiedTo.Should().Be(temp["samples"]);
        document.Samples.Should().OnlyContain(s => File.Exists(Path.Combine(temp["samples"], s.Path)));
    }
}
