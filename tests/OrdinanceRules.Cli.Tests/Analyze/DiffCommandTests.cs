using OrdinanceRules.Analysis.Json;

namespace OrdinanceRules.Cli.Tests.Analyze;

public class DiffCommandTests
{
    private const string JudicialWarrant = "p2-judicial-warrant=exception-for-criminal-immigration";

    private static string Bundled(string file) => Path.Combine(Samples.Root, "samples", "ordinances", file);

    [Fact]
    public void Diff_RoelandParkAndLawrence_CheckConfirmsBothOutcomesOfEveryWitness()
    {
        using var folder = new TempFolder();
        var (a, b) = (Bundled("roeland-park-ks.yaml"), Bundled("lawrence-ks.yaml"));

        var result = Cli.Run("diff", a, b, "--witnesses", folder.Path, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        var document = AnalysisJson.Read<DiffDocument>(result.Output);
        var differences = document.Pairs.SelectMany(p => p.Differences).ToList();
        differences.Should().NotBeEmpty();
        differences.Should().OnlyContain(d => d.A.File == d.B.File && d.A.Status != d.B.Status);
        differences.SelectMany(d => AnalyzeCommandTests.Mismatch(a, d.A).Concat(AnalyzeCommandTests.Mismatch(b, d.B))).Should().BeEmpty();
    }

    [Fact]
    public void Diff_TwoReadingsOfRoelandPark_FindsWhereTheReadingDecidesAndCheckConfirmsIt()
    {
        using var folder = new TempFolder();
        var ordinance = Samples.Ordinance;

        var result = Cli.Run("diff", ordinance, "--reading-b", JudicialWarrant, "--witnesses", folder.Path, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        var document = AnalysisJson.Read<DiffDocument>(result.Output);
        document.Pairs.Should().ContainSingle(p => p.Outcome == "differs").Which.ProvisionA.Should().Be("P2");
        document.Pairs.Where(p => p.ProvisionA != "P2").Should().OnlyContain(p => p.Outcome == "no-difference");
        var differences = document.Pairs.SelectMany(p => p.Differences).ToList();
        differences.Should().OnlyContain(d => d.B.Readings.Contains(JudicialWarrant) && d.A.Readings.IsEmpty);
        differences.SelectMany(d => AnalyzeCommandTests.Mismatch(ordinance, d.A).Concat(AnalyzeCommandTests.Mismatch(ordinance, d.B))).Should().BeEmpty();
    }

    [Fact]
    public void Diff_OneOrdinanceUnderTheSameReadings_SaysNoDifferenceUpToTheBound()
    {
        var result = Cli.Run("diff", Bundled("lawrence-ks.yaml"));

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain("LW-P1: no difference up to 2 facts per type");
        result.OutputLines[^1].Should().Be("No difference up to 2 facts per type in 5 pairs of provisions.");
    }

    [Fact]
    public void Diff_ReadingTheOrdinanceDoesNotDeclare_IsBadInputNamingTheOption()
    {
        var result = Cli.Run("diff", Samples.Ordinance, "--reading-b", "p2-judicial-warrant=nonsense");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().StartWith("error OR5005: --reading-b p2-judicial-warrant=nonsense");
    }
}
