using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Yaml.Tests;

public class ScenarioYamlTests
{
    private static readonly Model.Ordinance Ordinance = TestFiles.ValidOrdinance();

    private static Result<Scenario> Parse(string yaml) => OrdinanceYaml.ParseScenario(yaml, "scenario.yaml", Ordinance);

    [Fact]
    public void LoadScenario_ValidFile_MapsEveryValue()
    {
        var path = TestFiles.PathOf("scenario-valid.yaml");
        var result = OrdinanceYaml.LoadScenario(path, Ordinance);

        result.Diagnostics.Should().BeEmpty();
        var scenario = result.Value!;
        scenario.Name.Should().Be("Support requested by ICE");
        scenario.Description.Should().Be("ICE asks RPPD for support; the purpose is not known.");
        scenario.AsOf.Should().Be(new DateTimeOffset(2021, 3, 5, 12, 0, 0, TimeSpan.FromHours(-6)));
        scenario.UnknownTypes.Should().Equal("threat");
        scenario.Facts.Select(f => f.ToString()).Should().Equal("agency ICE-ERO", "agency RPPD", "request req-1", "request req-2");

        var ice = scenario.FindFact("ICE-ERO")!;
        ice.Location.Should().Be(new SourceLocation(path, 5, 5));
        ice["name"].Value.Should().Be("ICE Enforcement and Removal Operations");
        ice["level"].Value.Should().Be("federal");
        ice["enforcesImmigration"].Value.Should().Be(true);
        scenario.FindFact("RPPD")!["enforcesImmigration"].Value.Should().Be(false);

        var req = scenario.FindFact("req-1")!;
        req["from"].Value.Should().BeSameAs(ice);
        req["kind"].Value.Should().Be("support");
        req["receivedAt"].Value.Should().Be(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.FromHours(-6)));
        ((ImmutableArray<string>)req["purposes"].Value!).Should().Equal("civil-immigration", "criminal-other");
        req["holdFor"].Value.Should().Be(TimeSpan.FromHours(48));
        req["persons"].Value.Should().Be(2.5m);
        scenario.FindFact("req-2")!["receivedAt"].Value.Should().Be(new DateTimeOffset(2021, 3, 2, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void LoadScenario_UnknownPlainAndQuoted_DifferInMeaning()
    {
        var scenario = OrdinanceYaml.LoadScenario(TestFiles.PathOf("scenario-valid.yaml"), Ordinance).GetValueOrThrow();

        scenario.FindFact("req-1")!["statedPurpose"].State.Should().Be(ValueState.Unknown);
        var quoted = scenario.FindFact("req-2")!["statedPurpose"];
        quoted.State.Should().Be(ValueState.Known);
        quoted.Value.Should().Be("unknown");
        scenario.FindFact("req-2")!["to"].State.Should().Be(ValueState.Absent);
    }

    [Fact]
    public void ParseScenario_UnknownField_IsReportedAtTheKey()
    {
        var result = Parse("""
            scenario: S
            facts:
              - agency: ICE
                levle: federal
            """);

        TestFiles.Single(result).Should().Be((
            DiagnosticCodes.InvalidFact,
            "4:5",
            "fact type 'agency' has no field 'levle'; did you mean 'level'?"));
    }

    [Fact]
    public void ParseScenario_WrongEnumerationValue_IsReportedAtTheValue()
    {
        var result = Parse("""
            scenario: S
            facts:
              - agency: ICE
                level: national
            """);

        TestFiles.Single(result).Should().Be((
            DiagnosticCodes.InvalidFact,
            "4:12",
            "'ICE.level' is 'national', which is not one of: federal, state, county, city"));
    }

    [Fact]
    public void ParseScenario_DanglingReference_IsReportedAtTheValue()
    {
        var result = Parse("""
            scenario: S
            facts:
              - request: r1
                kind: detainer
                from: ICE
            """);

        TestFiles.Single(result).Should().Be((
            DiagnosticCodes.DanglingReference,
            "5:11",
            "'r1.from' refers to 'ICE', but the scenario has no fact with that id"));
    }

    [Fact]
    public void ParseScenario_RepeatedLocalTime_ReportsAmbiguousLocalTimeAtTheValue()
    {
        var result = Parse("""
            scenario: Fall back
            facts:
              - request: r1
                receivedAt: 2021-11-07T01:30
            """);

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(DiagnosticCodes.AmbiguousLocalTime);
        where.Should().Be("4:17");
        message.Should().Contain("occurs twice in America/Chicago");
        result.Diagnostics[0].Location!.File.Should().Be("scenario.yaml");
    }

    [Fact]
    public void ParseScenario_LocalTimeWithOffset_IsRead()
    {
        var result = Parse("""
            scenario: Fall back
            facts:
              - request: r1
                receivedAt: 2021-11-07T01:30:00-05:00
            """);

        result.Value!.FindFact("r1")!["receivedAt"].Value.Should().Be(new DateTimeOffset(2021, 11, 7, 6, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ParseScenario_AmbiguousAsOf_ReportsAmbiguousLocalTime()
    {
        var result = Parse("""
            scenario: S
            as-of: 2021-11-07T01:30
            """);

        TestFiles.Single(result).Should().Match<(string Code, string Where, string Message)>(d =>
            d.Code == DiagnosticCodes.AmbiguousLocalTime && d.Where == "2:8");
    }

    [Fact]
    public void ParseScenario_QuotedYes_IsTextNotYesNo()
    {
        var result = Parse("""
            scenario: S
            facts:
              - agency: ICE
                enforcesImmigration: "yes"
            """);

        TestFiles.Single(result).Should().Be((DiagnosticCodes.InvalidFact, "4:26", "'ICE.enforcesImmigration' needs yes or no, not the text 'yes': drop the quotes around it (in C#, pass a bool)"));
    }

    [Fact]
    public void ParseScenario_PlainYesInTextField_StaysText()
    {
        var result = Parse("""
            scenario: S
            facts:
              - agency: ICE
                name: yes
            """);

        result.Value!.FindFact("ICE")!["name"].Value.Should().Be("yes");
    }

    [Fact]
    public void ParseScenario_ListForSingleValue_ReportsWrongShape()
    {
        var result = Parse("""
            scenario: S
            facts:
              - agency: ICE
                level: [federal, state]
            """);

        TestFiles.Single(result).Should().Be((YamlDiagnosticCodes.WrongShape, "4:12", "'ICE.level' holds one value (one of federal, state, county, city), not a list"));
    }

    [Fact]
    public void ParseScenario_FactWithoutId_ReportsWrongShape()
    {
        var result = Parse("""
            scenario: S
            facts:
              - agency:
                level: city
            """);

        TestFiles.Single(result).Should().Be((YamlDiagnosticCodes.WrongShape, "3:5", "the agency fact needs an id after 'agency:', such as '- agency: agency-1'"));
    }

    [Fact]
    public void ParseScenario_YamlAndBuilderProblems_AreReportedTogetherInOrder()
    {
        var result = Parse("""
            scenario: S
            facts:
              - agency: ICE
                level: national
              - permit: p1
              - request: r1
                from: ICE
                persons: many
            unknown: [threat, ghost]
            extra: 1
            """);

        TestFiles.Summary(result).Should().Equal("OR3001 4:12", "OR3001 5:5", "OR3001 8:14", "OR3001 9:19", "OR4002 10:1");
    }

    [Fact]
    public void ParseScenario_UnknownFactType_SuggestsTheClosestType()
    {
        var result = Parse("""
            scenario: S
            facts:
              - agncy: ICE
            """);

        TestFiles.Single(result).Should().Be((DiagnosticCodes.InvalidFact, "3:5", "fact 'ICE' has type 'agncy', which the vocabulary does not declare; did you mean 'agency'?"));
    }
}
