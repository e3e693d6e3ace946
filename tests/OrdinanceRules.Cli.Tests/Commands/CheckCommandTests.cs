using System.Text.Json;

namespace OrdinanceRules.Cli.Tests.Commands;

public class CheckCommandTests
{
    private const string Pending = "p3-no-notice-yet-pending";

    [Theory]
    [InlineData("p2-detainer-hold-violated", CliApp.Violation)]
    [InlineData("p1a-voluntary-transport-not-applicable", CliApp.Violation)] // P1a does not apply, but P2 is violated.
    [InlineData("p2-specific-threat-exception-applies", CliApp.Ok)]
    [InlineData("p2-threat-specificity-unknown-undetermined", CliApp.Ok)]
    [InlineData("p4-permit-denied-incomplete-complied", CliApp.Ok)]
    [InlineData(Pending, CliApp.Ok)]
    public void Check_SampleScenario_ExitsOneOnlyWhenAFindingIsViolated(string scenario, int expected)
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(scenario));

        result.ExitCode.Should().Be(expected, result.Errors);
        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Check_SeveralScenarios_ReportsEachInOrderAndExitsOneIfAnyIsViolated()
    {
        string[] scenarios = ["p2-specific-threat-exception-applies", "p2-detainer-hold-violated", Pending];

        var result = Cli.Run(["check", Samples.Ordinance, .. scenarios.Select(Samples.Scenario), "--format", "json"]);

        result.ExitCode.Should().Be(CliApp.Violation);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("scenario").GetString()).Should().Equal(
            "RPPD backs up an ICE arrest while an armed man threatens agents",
            "RPPD holds a person past release on an ICE detainer",
            "No alert yet, 32.5 hours after RPPD learned of a planned ICE arrest");
    }

    [Fact]
    public void Check_SeveralScenariosAsText_PrintsAReportForEach()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), Samples.Scenario(Pending));

        result.ExitCode.Should().Be(CliApp.Violation);
        result.OutputLines.Should().Contain(l => l.StartsWith("── RPPD holds a person past release on an ICE detainer ─", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("── No alert yet, 32.5 hours after RPPD learned", StringComparison.Ordinal))
            .And.Contain("1 violated, 7 not applicable")
            .And.Contain("7 not applicable, 1 pending");
    }

    [Fact]
    public void Check_AsOfAfterTheDeadline_OverridesTheScenarioAndTurnsPendingIntoViolated()
    {
        // The scenario is judged at 2021-02-02T17:30-06:00; P3's 48 hours run out at 2021-02-03T09:00-06:00.
        var before = P3(Cli.Run("check", Samples.Ordinance, Samples.Scenario(Pending), "--format", "json"));
        var after = Cli.Run("check", Samples.Ordinance, Samples.Scenario(Pending), "--format", "json", "--as-of", "2021-02-03T09:00:01-06:00");

        before.GetProperty("status").GetString().Should().Be("pending");
        after.ExitCode.Should().Be(CliApp.Violation);
        var finding = P3(after);
        finding.GetProperty("status").GetString().Should().Be("violated");
        finding.GetProperty("dueAt").GetString().Should().Be("2021-02-03T09:00:00-06:00");
    }

    [Fact]
    public void Check_AsOfAtTheDeadline_IsStillPending()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(Pending), "--format", "json", "--as-of", "2021-02-03T09:00:00-06:00");

        result.ExitCode.Should().Be(CliApp.Ok);
        P3(result).GetProperty("status").GetString().Should().Be("pending");
    }

    [Fact]
    public void Check_LocalAsOf_IsReadInTheJurisdictionsZone()
    {
        // 09:01 in Chicago (CST, -06:00) is after the deadline; 09:01 UTC would be 03:01 in Chicago, before it.
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(Pending), "--format", "json", "--as-of", "2021-02-03T09:01");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        using var json = JsonDocument.Parse(result.Output);
        json.RootElement.GetProperty("reports")[0].GetProperty("asOf").GetString().Should().Be("2021-02-03T09:01:00-06:00");
        P3(result).GetProperty("status").GetString().Should().Be("violated");
    }

    [Fact]
    public void Check_ScenarioWithoutAsOf_UsesTheAsOfOption()
    {
        using var scenario = new TempYaml("no-as-of.yaml", WithoutAsOf(Samples.Scenario(Pending)));

        var result = Cli.Run("check", Samples.Ordinance, scenario.Path, "--as-of", "2021-02-04T00:00");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
    }

    [Fact]
    public void Check_NoAsOfAnywhere_ExitsTwoAndSaysWhereToGiveOne()
    {
        using var scenario = new TempYaml("no-as-of.yaml", WithoutAsOf(Samples.Scenario(Pending)));

        var result = Cli.Run("check", Samples.Ordinance, scenario.Path);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().ContainSingle().Which.Should().Be(
            $"{scenario.Path}:1:1: error OR5002: the scenario names no as-of instant; add 'as-of:' to it or pass --as-of");
    }

    [Fact]
    public void Check_MissingOrdinanceFile_ReportsItAsADiagnosticOnTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-ordinance.yaml");

        var result = Cli.Run("check", missing, Samples.Scenario(Pending));

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().ContainSingle().Which.Should().Be(
            $"{missing}:1:1: error OR4009: cannot read '{missing}': the file does not exist");
    }

    [Fact]
    public void Check_MissingScenarioFile_ReportsItAndPrintsNoReport()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), "no-such-scenario.yaml");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().Equal("no-such-scenario.yaml:1:1: error OR4009: cannot read 'no-such-scenario.yaml': the file does not exist");
    }

    [Fact]
    public void Check_OrdinanceWithReadingErrors_ReportsEachWithItsLineAndColumn()
    {
        using var ordinance = new TempYaml("bad-keys.yaml", Ordinance(
            """
                sourse: a news report
                modality: forbidden
                applies-when: p.valid
                violated-when: not p.accepted
            """));

        var result = Cli.Run("check", ordinance.Path, Samples.Scenario(Pending));

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().Equal(
            $"{ordinance.Path}:10:5: error OR4002: unknown key 'sourse' in provision 'P5'; did you mean 'source'?",
            $"{ordinance.Path}:11:15: error OR4008: modality must be one of prohibition, obligation, permission, non-obligation, not 'forbidden'");
        result.Errors.Should().NotContain("   at ");
    }

    [Fact]
    public void Check_OrdinanceWithBadConditions_ReportsEachWithItsLineAndColumn()
    {
        using var ordinance = new TempYaml("bad-conditions.yaml", Ordinance(
            """
                modality: prohibition
                applies-when: p.valid and p.colour == 'green'
                violated-when: not (p.accepted
            """));

        var result = Cli.Run("check", ordinance.Path, Samples.Scenario(Pending));

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().Equal(
            $"{ordinance.Path}:11:33: error OR2102: in applies-when of provision P5: fact type 'idPresentation' has no field 'colour'",
            $"{ordinance.Path}:12:35: error OR2101: in violated-when of provision P5: unexpected end of input, expected rparen");
        result.Errors.Should().NotContain("   at ");
    }

    [Fact]
    public void Check_MalformedScenario_ReportsEachProblemWithItsLineAndColumn()
    {
        using var scenario = new TempYaml("bad-scenario.yaml",
            """
            scenario: "A scenario with two mistakes"
            as-of: 2021-12-01T12:00:00-06:00
            facts:
              - agency: CITY-CLERK
                name: "Roeland Park City Clerk's Office"
                level: city
                colour: green
              - person: per-1
                name: "Person L"
              - idPresentation: id-1
                person: per-1
                agency: CITY-CLERK
                at: 2021-11-07T01:30
                valid: yes
            """);

        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), scenario.Path);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty("no report is printed when any input is bad");
        result.ErrorLines.Should().Equal(
            $"{scenario.Path}:7:5: error OR3001: fact type 'agency' has no field 'colour'",
            $"{scenario.Path}:13:9: error OR3003: 'id-1.at': local time 2021-11-07T01:30:00 occurs twice in America/Chicago (offsets -05 and -06); give the offset");
        result.Errors.Should().NotContain("   at ");
    }

    [Theory]
    [InlineData("yesterday", "'yesterday' is not an ISO 8601 date and time")]
    [InlineData("2021-11-07T01:30", "occurs twice in America/Chicago")]
    public void Check_BadAsOf_ExitsTwoWithOneLine(string asOf, string expected)
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario(Pending), "--as-of", asOf);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error OR5001: --as-of: ").And.Contain(expected);
    }

    private static JsonElement P3(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Output);
        return json.RootElement.GetProperty("reports")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("provision").GetString() == "P3").Clone();
    }

    private static string WithoutAsOf(string scenarioPath) =>
        string.Join('\n', File.ReadAllLines(scenarioPath).Where(l => !l.StartsWith("as-of:", StringComparison.Ordinal)));

    /// <summary>An ordinance with one provision, P5, whose last keys are <paramref name="keys"/> (from line 10 on).</summary>
    private static string Ordinance(string keys) =>
        $$"""
        ordinance: "T-1"
        title: An ordinance with mistakes
        jurisdiction: { name: Roeland Park, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: immigration-cooperation }
        provisions:
          - id: P5
            section: "§ 6"
            title: Valid photo ID must be accepted
            text: City employees shall accept any valid photo identification.
        {{keys}}
            binds: City employees
            for: { p: idPresentation }
        """;
}
