using System.Text.Json;

namespace OrdinanceRules.Cli.Tests.Commands;

/// <summary>
/// <c>ordinance check --law</c>: Roeland Park stacked under K.S.A. 12-16,140 and federal legal compulsion; the
/// findings and citations EXPECTED.md's "Outcomes under higher law" lists, and the report's higher laws and conflicts.
/// </summary>
public class LawStackOptionTests
{
    private static string Law(string name) => Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, name + ".yaml");

    private static JsonElement Finding(CliResult result, string provision) =>
        JsonDocument.Parse(result.Output).RootElement.GetProperty("reports")[0].GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("provision").GetString() == provision);

    [Fact]
    public void Check_P6AfterKsa12_16_140_HigherLawPrevailsCitingTheStatute()
    {
        var alone = Cli.Run("check", Samples.Ordinance, Samples.Scenario("stack-p6-status-question-after-ksa-12-16-140"), "--format", "json");
        var stacked = Cli.Run("check", Samples.Ordinance, Samples.Scenario("stack-p6-status-question-after-ksa-12-16-140"), "--format", "json", "--law", Law("kansas-ksa-12-16-140"));

        alone.ExitCode.Should().Be(CliApp.Violation, alone.Errors);
        Finding(alone, "P6").GetProperty("status").GetString().Should().Be("violated");
        stacked.ExitCode.Should().Be(CliApp.Ok, stacked.Errors);
        var p6 = Finding(stacked, "P6");
        p6.GetProperty("status").GetString().Should().Be("exception-applies");
        var exception = p6.GetProperty("exceptions").EnumerateArray().Should().ContainSingle().Subject;
        exception.GetProperty("id").GetString().Should().Be("KSA-140a-obtain");
        exception.GetProperty("section").GetString().Should().Be("K.S.A. 12-16,140, § 12-16,140(a)(3)");
        exception.GetProperty("title").GetString().Should().EndWith("(higher law prevails)");
        Finding(stacked, "KSA-140a-obtain").GetProperty("status").GetString().Should().Be("complied");
        var report = JsonDocument.Parse(stacked.Output).RootElement.GetProperty("reports")[0];
        report.GetProperty("higherLaws").EnumerateArray().Select(e => e.GetString()).Should().Equal("K.S.A. 12-16,140");
        report.GetProperty("conflicts").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public void Check_P6BeforeTheStatuteTookEffect_LocalRuleDecides()
    {
        var stacked = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p6-booking-status-asked-violated"), "--format", "json", "--law", Law("kansas-ksa-12-16-140"));

        stacked.ExitCode.Should().Be(CliApp.Violation, stacked.Errors);
        Finding(stacked, "P6").GetProperty("status").GetString().Should().Be("violated");
        Finding(stacked, "KSA-140a-obtain").GetProperty("reason").GetString().Should().Contain("predates the adoption of K.S.A. 12-16,140");
    }

    [Fact]
    public void Check_CourtOrderCompelsTheAct_FederalCompulsionPrevailsAsAnImpliedException()
    {
        var alone = Cli.Run("check", Samples.Ordinance, Samples.Scenario("stack-p2-court-order-compels-transport"), "--format", "json");
        var stacked = Cli.Run("check", Samples.Ordinance, Samples.Scenario("stack-p2-court-order-compels-transport"), "--format", "json", "--law", Law("us-legal-compulsion"), "--law", Law("us-8-usc-1373"));

        Finding(alone, "P1a").GetProperty("status").GetString().Should().Be("violated");
        Finding(alone, "P2").GetProperty("exceptions").EnumerateArray().Select(e => e.GetProperty("id").GetString()).Should().Equal("E2c");
        stacked.ExitCode.Should().Be(CliApp.Ok, stacked.Errors);
        var p1a = Finding(stacked, "P1a");
        p1a.GetProperty("status").GetString().Should().Be("exception-applies");
        p1a.GetProperty("exceptions")[0].GetProperty("section").GetString().Should().Be("U.S. Const. art. VI, cl. 2, U.S. Const. art. VI, cl. 2 (implied)");
        Finding(stacked, "P2").GetProperty("exceptions").EnumerateArray().Select(e => e.GetProperty("id").GetString()).Should().Equal("E2c", "US-COMPELLED");
    }

    [Fact]
    public void Check_TextReport_ListsTheHigherLaws()
    {
        var stacked = Cli.Run("check", Samples.Ordinance, Samples.Scenario("stack-p6-status-question-after-ksa-12-16-140"), "--law", Law("kansas-ksa-12-16-140"), "--law", Law("us-8-usc-1373"));

        stacked.OutputLines.Should().Contain("Higher laws: K.S.A. 12-16,140; 8 U.S.C. § 1373");
        stacked.Output.Should().Contain("but exception KSA-140a-obtain (K.S.A. 12-16,140, § 12-16,140(a)(3)");
    }

    [Fact]
    public void Check_EqualRankPermissionWithoutPrecedence_PrintsAConflictsSectionAndJson()
    {
        using var ordinanceFile = new TempYaml("town.yaml", """
            ordinance: "7"
            title: Questions
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            effective: 2021-01-01
            vocabulary: { uses: immigration-cooperation }
            provisions:
              - id: P6
                section: "§ 7"
                title: Do not ask about status
                text: Officers shall not ask about immigration status.
                modality: prohibition
                binds: Police
                for: { i: inquiry }
                violated-when: i.topic == 'immigration-status'
              - id: P7
                section: "§ 8"
                title: Officers may ask when the law requires it
                text: Officers may ask about status when the law requires it.
                modality: permission
                binds: Police
                for: { i: inquiry }
                applies-when: i.requiredByLaw
                violated-when: no
            """);
        using var scenarioFile = new TempYaml("q.yaml", """
            scenario: Required question
            as-of: 2021-06-01T12:00:00-05:00
            facts:
              - inquiry: q1
                at: 2021-05-01T12:00:00-05:00
                topic: immigration-status
                requiredByLaw: yes
            """);
        var (ordinance, scenario) = (ordinanceFile.Path, scenarioFile.Path);

        var text = Cli.Run("check", ordinance, scenario);
        var json = Cli.Run("check", ordinance, scenario, "--format", "json");

        text.OutputLines.Should().Contain("Conflicts:");
        text.OutputLines.Should().Contain(l => l.StartsWith("CONFLICT P6 (Town Ordinance 7, § 7) and P7 (Town Ordinance 7, § 8) (i=q1)", StringComparison.Ordinal));
        var conflict = JsonDocument.Parse(json.Output).RootElement.GetProperty("reports")[0].GetProperty("conflicts")[0];
        conflict.GetProperty("provision").GetString().Should().Be("P6");
        conflict.GetProperty("otherProvision").GetString().Should().Be("P7");
        conflict.GetProperty("description").GetString().Should().Contain("neither is declared to prevail");
    }

    [Fact]
    public void Check_LawThatDoesNotLoad_IsBadInputAtItsFile()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p6-booking-status-asked-violated"), "--law", "no-such-law.yaml");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().StartWith("no-such-law.yaml:1:1: error");
    }

    [Fact]
    public void Check_LawNotOfAHigherLevel_IsBadInput()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p6-booking-status-asked-violated"), "--law", Samples.Ordinance);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain("is not of a higher level");
    }
}
