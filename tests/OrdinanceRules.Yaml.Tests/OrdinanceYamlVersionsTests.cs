using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// Versions of one provision: one id whatever the date, each event judged by the wording in force at its event time,
/// Undetermined where no wording is known, overlapping periods a located load error; through NRules.
/// </summary>
public class OrdinanceYamlVersionsTests
{
    // The versions start on line 18, column 7 (their keys at column 9).
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        adopted: 2020-01-06
        effective: 2020-01-06
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
          - id: P1
            section: "§ 1"
            title: No support for immigration detainers
            text: The town shall not honour an immigration detainer.
            modality: prohibition
            binds: Town
            for: { r: request }
            event-time: r.receivedAt
            violated-when: r.kind == 'detainer'
            versions:
        VERSIONS
        """;

    private const string TwoVersions = """
              - from: 2020-01-06
                text: The town shall not honour an immigration detainer.
              - from: 2022-07-01
                until: 2023-01-01
                text: The town shall not honour an immigration detainer or a request for support.
                violated-when: r.kind == 'detainer' or r.kind == 'support'
              - from: 2023-06-01
                text-known: no
        """;

    private static Result<CompiledOrdinance> Compile(string versions)
    {
        var read = TestFiles.Ordinance(Ordinance.Replace("VERSIONS", versions.TrimEnd()));
        return read.Succeeded ? OrdinanceCompiler.TryCompile(read.Value!) : Result<CompiledOrdinance>.Failure(read.Diagnostics);
    }

    private static Finding Judge(string versions, string kind, string receivedAt, bool explain = false)
    {
        var compiled = Compile(versions).GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:\n  - request: req-1\n    kind: {kind}\n    receivedAt: {receivedAt}", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();
        var report = compiled.TryEvaluate(scenario, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), EvaluationOptions.Default with { Explain = explain }).GetValueOrThrow();
        return report.Findings.Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("detainer", "2021-03-01T10:00", FindingStatus.Violated)]
    [InlineData("support", "2021-03-01T10:00", FindingStatus.Complied)]
    [InlineData("support", "2022-08-01T10:00", FindingStatus.Violated)]
    [InlineData("notification", "2022-08-01T10:00", FindingStatus.Complied)]
    [InlineData("support", "2019-12-01T10:00", FindingStatus.NotApplicable)]
    public void Evaluate_EventInAVersionsPeriod_IsJudgedByThatVersionUnderOneId(string kind, string receivedAt, FindingStatus expected)
    {
        var finding = Judge(TwoVersions, kind, receivedAt);

        finding.ProvisionId.Should().Be("P1");
        finding.Status.Should().Be(expected);
    }

    [Fact]
    public void Evaluate_VersionsListedInAnyOrder_GiveTheSameOutcomes()
    {
        var lines = TwoVersions.Split('\n');
        var reversed = string.Join('\n', lines[6..8].Concat(lines[2..6]).Concat(lines[0..2]));

        foreach (var (kind, at) in new[] { ("support", "2021-03-01T10:00"), ("support", "2022-08-01T10:00"), ("detainer", "2023-03-01T10:00"), ("detainer", "2023-07-01T10:00") })
        {
            Judge(reversed, kind, at).Status.Should().Be(Judge(TwoVersions, kind, at).Status, $"{kind} at {at}");
        }
    }

    [Fact]
    public void Evaluate_GapBetweenVersions_IsUndeterminedNamingTheMissingText()
    {
        var finding = Judge(TwoVersions, "detainer", "2023-03-01T10:00");

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("no text of provision P1 is known for events from 2023-01-01 until 2023-06-01, so how it judged the event of 2023-03-01 10:00 -06:00 is unknown");
    }

    [Fact]
    public void Evaluate_VersionWhoseTextIsUnknown_IsUndeterminedNamingIt()
    {
        var finding = Judge(TwoVersions, "detainer", "2023-07-01T10:00");

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("the text of provision P1 in force from 2023-06-01 is unknown, so how it judged the event of 2023-07-01 10:00 -05:00 is unknown");
    }

    [Fact]
    public void Explain_VersionedFinding_NamesTheVersionAndItsCondition()
    {
        var compiled = Compile(TwoVersions).GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario("scenario: S\nfacts:\n  - request: req-1\n    kind: support\n    receivedAt: 2022-08-01T10:00", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();

        var report = compiled.Evaluate(scenario, new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), EvaluationOptions.Default with { Explain = true });

        var text = report.Explanations.Single().Root.ToString();
        text.Should().Contain("in force at the event's time: yes (the version in force from 2022-07-01 until 2023-01-01)");
        text.Should().Contain("violated-when: r.kind == 'detainer' or r.kind == 'support': yes");
    }

    [Fact]
    public void Load_OverlappingVersions_IsALocatedError()
    {
        var result = Compile("""
                  - from: 2020-01-06
                    until: 2022-09-01
                    text: First.
                  - from: 2022-07-01
                    text: Second.
            """);

        TestFiles.Single(result).Should().Be((DiagnosticCodes.VersionOverlap, "21:9",
            "the versions of provision P1 overlap: the version from 2020-01-06 is in force until 2022-09-01, but the version from 2022-07-01 starts before then, so both would govern 2022-07-01; end the earlier one with 'until: 2022-07-01'"));
    }

    [Fact]
    public void Load_VersionWithoutText_SaysToGiveItOrSayItIsUnknown()
    {
        var result = Compile("""
                  - from: 2020-01-06
                    violated-when: r.kind == 'support'
            """);

        TestFiles.Single(result).Where.Should().Be("18:9");
        TestFiles.Single(result).Message.Should().Contain("needs 'text' (its wording), or 'text-known: no'");
    }

    [Fact]
    public void Load_VersionConditionWithUnknownField_IsALocatedError()
    {
        var result = Compile("""
                  - from: 2020-01-06
                    text: First.
                    violated-when: r.knd == 'detainer'
            """);

        var (code, where, message) = TestFiles.Single(result);
        code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        where.Should().Be("20:26");
        message.Should().Contain("version 1 of provision P1").And.Contain("kind");
    }
}
