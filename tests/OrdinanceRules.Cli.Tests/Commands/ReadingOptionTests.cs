using System.Text.Json;

namespace OrdinanceRules.Cli.Tests.Commands;

/// <summary><c>ordinance check --reading name=alternative</c>, and how reports name the readings they used.</summary>
public class ReadingOptionTests
{
    private const string ReadOnMonday = "reading-p3-anchor-read-on-monday";

    private const string AllDefaults =
        "Readings: p3-anchor=receipt (default), p3-end=inclusive (default), p3-knowledge=rppd-only (default), " +
        "p3-completed-activity=excluded (default), p2-judicial-warrant=not-an-exception (default), e2a-specificity=specific-only (default), rp-in-force=from-adoption (default)";

    [Fact]
    public void Check_Reading_ChangesTheOutcomeAndTheExitCode()
    {
        var byDefault = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--format", "json");
        var actualReading = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--format", "json", "--reading", "p3-anchor=actual-reading");

        byDefault.ExitCode.Should().Be(CliApp.Violation, byDefault.Errors);
        P3(byDefault).GetProperty("status").GetString().Should().Be("violated");
        actualReading.ExitCode.Should().Be(CliApp.Ok, actualReading.Errors);
        P3(actualReading).GetProperty("status").GetString().Should().Be("complied");
        P3(actualReading).GetProperty("dueAt").GetString().Should().Be("2021-04-14T08:00:00-05:00");
    }

    [Fact]
    public void Check_TextReport_HasAReadingsLineWithTheDefaultsMarked()
    {
        var byDefault = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday));
        var switched = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--reading", "p3-end=exclusive", "--reading", "p3-anchor=before-activity");

        byDefault.OutputLines.Should().Contain(AllDefaults);
        switched.OutputLines.Should().Contain(
            "Readings: p3-anchor=before-activity, p3-end=exclusive, p3-knowledge=rppd-only (default), " +
            "p3-completed-activity=excluded (default), p2-judicial-warrant=not-an-exception (default), e2a-specificity=specific-only (default), rp-in-force=from-adoption (default)");
        Array.IndexOf(switched.OutputLines, switched.OutputLines.First(l => l.StartsWith("Readings: ", StringComparison.Ordinal)))
            .Should().Be(Array.FindIndex(switched.OutputLines, l => l.StartsWith("As of ", StringComparison.Ordinal)) + 1, "the readings line follows the as-of line");
    }

    [Fact]
    public void Check_JsonReport_HasAReadingsArrayInDeclarationOrder()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("reading-e2a-specificity-gang-label"), "--format", "json", "--reading", "e2a-specificity=any-threat");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        using var json = JsonDocument.Parse(result.Output);
        var readings = json.RootElement.GetProperty("reports")[0].GetProperty("readings").EnumerateArray()
            .Select(r => $"{r.GetProperty("name").GetString()}={r.GetProperty("alternative").GetString()}:{r.GetProperty("isDefault").GetBoolean()}")
            .ToList();
        readings.Should().Equal(
            "p3-anchor=receipt:True",
            "p3-end=inclusive:True",
            "p3-knowledge=rppd-only:True",
            "p3-completed-activity=excluded:True",
            "p2-judicial-warrant=not-an-exception:True",
            "e2a-specificity=any-threat:False",
            "rp-in-force=from-adoption:True");
    }

    [Fact]
    public void Check_ReadingGivenAtItsDefault_IsMarkedDefault()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--reading", "p3-anchor=receipt");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.OutputLines.Should().Contain(AllDefaults);
    }

    [Fact]
    public void Check_UnknownReading_ExitsTwoAndListsTheReadings()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--reading", "p3-ancor=receipt");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().Equal(
            "error OR5005: --reading p3-ancor=receipt: Roeland Park Ordinance 1005 has no reading 'p3-ancor'; its readings are: " +
            "p3-anchor, p3-end, p3-knowledge, p3-completed-activity, p2-judicial-warrant, e2a-specificity, rp-in-force");
    }

    [Fact]
    public void Check_UnknownAlternative_ExitsTwoAndListsTheAlternatives()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--reading", "p3-anchor=reading");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().Equal(
            "error OR5005: --reading p3-anchor=reading: 'reading' is not an alternative of reading 'p3-anchor'; choose one of: receipt, actual-reading, before-activity");
    }

    [Theory]
    [InlineData("p3-anchor")]
    [InlineData("=receipt")]
    [InlineData("p3-anchor=")]
    public void Check_ReadingWithoutNameOrAlternative_ExitsTwoAndShowsTheForm(string value)
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--reading", value);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().Equal($"error OR5005: --reading '{value}': give name=alternative, such as p3-anchor=actual-reading");
    }

    [Fact]
    public void Check_SameReadingTwiceWithDifferentAlternatives_IsRefused()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--reading", "p3-end=exclusive", "--reading", "p3-end=inclusive");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().Equal("error OR5005: --reading p3-end=inclusive: reading 'p3-end' is already set to 'exclusive'; give each reading once");
    }

    [Fact]
    public void Check_SeveralBadReadings_ReportsEachOnItsOwnLine()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(ReadOnMonday), "--reading", "nope=x", "--reading", "p3-end=sometimes");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().HaveCount(2).And.AllSatisfy(l => l.Should().StartWith("error OR5005: --reading "));
    }

    [Fact]
    public void Check_OrdinanceWithoutReadings_SaysSoAndPrintsNoReadingsLine()
    {
        using var ordinance = new TempYaml("no-readings.yaml", """
            ordinance: "T-2"
            title: No readings
            jurisdiction: { name: Roeland Park, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: immigration-cooperation }
            provisions:
              - id: P5
                section: "§ 6"
                title: Valid photo ID must be accepted
                text: City employees shall accept any valid photo identification.
                modality: prohibition
                binds: City employees
                for: { p: idPresentation }
                violated-when: not p.accepted
            """);

        var bad = Cli.Run("check", ordinance.Path, Samples.Scenario(ReadOnMonday), "--reading", "p3-end=exclusive");
        var good = Cli.Run("check", ordinance.Path, Samples.Scenario(ReadOnMonday));

        bad.ExitCode.Should().Be(CliApp.BadInput);
        bad.ErrorLines.Should().Equal("error OR5005: --reading p3-end=exclusive: Roeland Park Ordinance T-2 declares no readings");
        good.ExitCode.Should().Be(CliApp.Ok, good.Errors);
        good.OutputLines.Should().NotContain(l => l.StartsWith("Readings:", StringComparison.Ordinal));
    }

    private static JsonElement P3(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("reports")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("provision").GetString() == "P3").Clone();
    }
}
