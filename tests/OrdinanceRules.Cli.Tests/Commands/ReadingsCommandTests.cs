namespace OrdinanceRules.Cli.Tests.Commands;

public class ReadingsCommandTests
{
    [Fact]
    public void Readings_RoelandPark_ListsEveryAlternativeAsAGreppableLineWithTheDefaultMarked()
    {
        var result = Cli.Run("readings", Samples.Ordinance);

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.Errors.Should().BeEmpty();
        result.OutputLines.Where(l => l.Length > 0 && !l.StartsWith(' ')).Should().Equal(
            "p3-anchor=receipt (default)",
            "p3-anchor=actual-reading",
            "p3-anchor=before-activity",
            "p3-end=inclusive (default)",
            "p3-end=exclusive",
            "p3-knowledge=rppd-only (default)",
            "p3-knowledge=any-city-department",
            "p3-completed-activity=excluded (default)",
            "p3-completed-activity=included",
            "p2-judicial-warrant=not-an-exception (default)",
            "p2-judicial-warrant=exception-for-criminal-immigration",
            "e2a-specificity=specific-only (default)",
            "e2a-specificity=any-threat",
            "rp-in-force=from-adoption (default)",
            "rp-in-force=publication-unknown");
    }

    [Fact]
    public void Readings_AfterEachReadingsLines_GivesTheQuestionAndEachAlternativesMeaningIndented()
    {
        var lines = Cli.Run("readings", Samples.Ordinance).OutputLines;

        var start = Array.IndexOf(lines, "p3-end=exclusive");
        lines[start + 1].Should().Be("    Is an alert issued exactly when the 48 hours end on time? (I-1)");
        lines[start + 2].Should().Be("    inclusive: Yes; an alert at the due instant itself complies (I-1; adopted).");
        lines[start + 3].Should().Be("    exclusive: No; the alert must come before the due instant.");
        lines[start + 4].Should().BeEmpty();
    }

    [Fact]
    public void Readings_EveryListedLine_IsAValidReadingOption()
    {
        var options = Cli.Run("readings", Samples.Ordinance).OutputLines
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith(' '))
            .Select(l => l.Replace(" (default)", string.Empty, StringComparison.Ordinal));

        foreach (var option in options)
        {
            var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p3-no-notice-yet-pending"), "--reading", option);
            result.Errors.Should().BeEmpty("--reading {0} is listed", option);
        }
    }

    [Fact]
    public void Readings_OrdinanceWithoutReadings_SaysSo()
    {
        using var ordinance = new TempYaml("plain.yaml", """
            ordinance: "T-3"
            title: Plain
            jurisdiction: { name: Roeland Park, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: immigration-cooperation }
            provisions: []
            """);

        var result = Cli.Run("readings", ordinance.Path);

        result.ExitCode.Should().Be(CliApp.Ok);
        result.OutputLines.Should().Equal("Roeland Park Ordinance T-3 declares no readings.");
    }

    [Fact]
    public void Readings_MalformedReadings_ExitsTwoWithEachProblemAtItsLineAndColumn()
    {
        using var ordinance = new TempYaml("bad-readings.yaml", """
            ordinance: "T-4"
            title: Bad readings
            jurisdiction: { name: Roeland Park, state: Kansas, time-zone: America/Chicago }
            readings:
              - name: p3-end
                question: Is the due instant on time?
                alternatives: { inclusive: On time. }
                default: inclusiv
            vocabulary: { uses: immigration-cooperation }
            provisions: []
            """);

        var result = Cli.Run("readings", ordinance.Path);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().Equal(
            $"{ordinance.Path}:7:19: error OR4004: 'alternatives' in reading 'p3-end' must list at least two alternatives, each with a description");
    }

    [Fact]
    public void Help_NamesTheReadingsCommandAndTheReadingOption()
    {
        Cli.Run("--help").Output.Should().Contain("readings");
        Cli.Run("check", "--help").Output.Should().Contain("--reading <NAME=ALTERNATIVE>");
        Cli.Run("readings", "--help").Output.Should().Contain("<ordinance>");
    }

    [Fact]
    public void Readings_MissingFile_ExitsTwo()
    {
        var result = Cli.Run("readings", "no-such-ordinance.yaml");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().Equal("no-such-ordinance.yaml:1:1: error OR4009: cannot read 'no-such-ordinance.yaml': the file does not exist");
    }
}
