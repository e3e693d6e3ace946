using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>The time of law and the law stack in YAML: level, assume-in-force, amendments, event-time, in-force, prevails-over, lapses.</summary>
public class OrdinanceYamlTimeOfLawTests
{
    // Lines 1-2; the ordinance-level block under test starts on line 3.
    private const string Head = """
        ordinance: "1"
        title: T
        """;

    // The rest of a valid file: jurisdiction, vocabulary and a prohibition P1 and obligation N1.
    private const string Tail = """
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
          - id: P1
            section: "§ 1"
            title: No support
            text: The town shall not support.
            modality: prohibition
            binds: Town
            for: { r: request }
            violated-when: r.kind == 'support'
        """;

    private static Result<Ordinance> With(string block) => TestFiles.Ordinance(Head + "\n" + block + "\n" + Tail);

    // Lines 1-12: a provision whose extra keys start on line 13, column 5.
    private const string ProvisionHead = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
          - id: P1
            section: "§ 1"
            title: No support
            text: The town shall not support.
            modality: prohibition
            binds: Town
            for: { r: request }
            violated-when: r.kind == 'support'
        """;

    private static Result<Ordinance> WithProvisionKeys(string keys) =>
        TestFiles.Ordinance(ProvisionHead + "\n" + string.Join("\n", keys.Split('\n').Select(l => "    " + l)));

    // Lines 1-20: an obligation whose exception's extra keys start on line 21, column 9.
    private const string ExceptionHead = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
          - id: N1
            section: "§ 1"
            title: Notice
            text: Notice shall be given.
            modality: obligation
            binds: Town
            for: { r: request }
            duty:
              met-by: { for: { n: notice }, when: n.about == r }
              at: n.issuedAt
              deadline: { within: 48h, from: r.receivedAt }
            exceptions:
              - id: E1
                section: "§ 1(b)"
                title: Support asked
                when: r.kind == 'support'
        """;

    private static Result<Ordinance> WithExceptionKeys(string keys) =>
        TestFiles.Ordinance(ExceptionHead + "\n" + string.Join("\n", keys.Split('\n').Select(l => "        " + l)));

    [Fact]
    public void ParseOrdinance_EveryTimeOfLawKey_IsMapped()
    {
        var ordinance = TestFiles.Ordinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Kansas, state: Kansas, time-zone: America/Chicago, level: state }
            adopted: 2020-12-21
            effective: unknown
            assume-in-force: reading('in-force') == 'from-adoption'
            readings:
              - name: in-force
                question: In force from adoption?
                alternatives: { from-adoption: Yes., unknown-date: Not known. }
                default: from-adoption
            amendments:
              - id: A2022
                title: Amended
                effective: 2022-07-01
                affects: [P1, N1]
                text-known: no
                notes: Text not found.
              - id: A2023
                title: Amended again
                adopted: 2023-01-02
                effective: 2023-02-01
                affects: [P1]
                text-known: yes
            vocabulary: { uses: test-vocabulary.yaml }
            provisions:
              - id: P1
                section: "§ 1"
                title: No support
                text: The town shall not support.
                modality: permission
                binds: Town
                for: { r: request }
                event-time: r.receivedAt
                in-force: { from: 2021-01-01, until: 2022-07-01 }
                prevails-over: [N1]
                violated-when: "no"
              - id: N1
                section: "§ 2"
                title: Notice
                text: Notice shall be given.
                modality: obligation
                binds: Town
                for: { r: request }
                in-force: { until: 2030-01-01 }
                duty:
                  met-by: { for: { n: notice }, when: n.about == r }
                  at: n.issuedAt
                  deadline: { within: 48h, from: r.receivedAt }
                exceptions:
                  - id: E1
                    section: "§ 2(b)"
                    title: Support asked
                    when: r.kind == 'support'
                    lapses: { at: r.receivedAt + 1h, if: r.kind == 'support', restart-within: 2d }
            """).GetValueOrThrow();

        ordinance.Jurisdiction.Level.Should().Be(JurisdictionLevel.State);
        ordinance.AssumeInForce!.Text.Should().Be("reading('in-force') == 'from-adoption'");
        ordinance.AssumeInForce.Location!.Line.Should().Be(6);
        ordinance.Amendments.Should().HaveCount(2);
        ordinance.Amendments[0].Should().BeEquivalentTo(new
        {
            Id = "A2022",
            Title = "Amended",
            AdoptedOn = (DateOnly?)null,
            EffectiveFrom = new DateOnly(2022, 7, 1),
            Affects = new[] { "P1", "N1" },
            TextKnown = false,
            Notes = "Text not found.",
        });
        ordinance.Amendments[1].AdoptedOn.Should().Be(new DateOnly(2023, 1, 2));
        ordinance.Amendments[1].TextKnown.Should().BeTrue();
        var p1 = ordinance.Provisions[0];
        p1.EventTime!.Text.Should().Be("r.receivedAt");
        p1.InForce.Should().Be(new InForcePeriod(new DateOnly(2021, 1, 1), new DateOnly(2022, 7, 1)));
        p1.PrevailsOver.Should().Equal("N1");
        var n1 = ordinance.Provisions[1];
        n1.InForce.Should().Be(new InForcePeriod(null, new DateOnly(2030, 1, 1)));
        n1.EventTime.Should().BeNull();
        n1.PrevailsOver.Should().BeEmpty();
        var lapse = n1.Exceptions[0].Lapses!;
        lapse.At.Text.Should().Be("r.receivedAt + 1h");
        lapse.If!.Text.Should().Be("r.kind == 'support'");
        lapse.RestartWithin.Should().Be(TimeSpan.FromDays(2));
    }

    [Fact]
    public void ParseOrdinance_NoLevel_IsACity()
    {
        TestFiles.ValidOrdinance().Jurisdiction.Level.Should().Be(JurisdictionLevel.City);
    }

    [Fact]
    public void ParseOrdinance_UnknownLevel_ReportsItWithASuggestion()
    {
        TestFiles.Single(TestFiles.Ordinance(Head + "\n" + Tail.Replace("time-zone: America/Chicago }", "time-zone: America/Chicago, level: fedral }", StringComparison.Ordinal)))
            .Should().Be((YamlDiagnosticCodes.InvalidValue, "3:79", "'level' must be one of city, county, state, federal, not 'fedral'; did you mean 'federal'?"));
    }

    [Fact]
    public void ParseOrdinance_AssumeInForceWithAKnownEffectiveDate_IsAnError()
    {
        TestFiles.Single(With("effective: 2021-01-01\nassume-in-force: \"yes\""))
            .Should().Be((DiagnosticCodes.InvalidOrdinance, "4:1", "'assume-in-force' only applies when 'effective' is unknown, and this ordinance takes effect on 2021-01-01"));
    }

    [Fact]
    public void ParseOrdinance_AmendmentAffectingNoSuchProvision_ReportsTheIdWithASuggestion()
    {
        TestFiles.Single(With("amendments:\n  - { id: A1, title: T, affects: [P2], text-known: no }"))
            .Should().Be((DiagnosticCodes.InvalidOrdinance, "4:35", "amendment 'A1' affects 'P2', which is not a provision of this ordinance (provisions: P1); did you mean 'P1'?"));
    }

    [Fact]
    public void ParseOrdinance_AmendmentWithoutTextKnown_ReportsTheMissingKey()
    {
        TestFiles.Single(With("amendments:\n  - { id: A1, title: T, affects: [P1] }"))
            .Should().Be((YamlDiagnosticCodes.MissingKey, "4:5", "missing required key 'text-known' in amendment 'A1'"));
    }

    [Fact]
    public void ParseOrdinance_TextKnownNotYesOrNo_IsAnError()
    {
        TestFiles.Single(With("amendments:\n  - { id: A1, title: T, affects: [P1], text-known: maybe }"))
            .Should().Be((YamlDiagnosticCodes.InvalidValue, "4:52", "'text-known' in amendment 'A1' must be yes or no, not 'maybe'"));
    }

    [Fact]
    public void ParseOrdinance_AmendmentEffectiveBeforeAdopted_IsAnError()
    {
        TestFiles.Single(With("amendments:\n  - { id: A1, title: T, adopted: 2022-06-13, effective: 2022-06-01, affects: [P1], text-known: no }"))
            .Should().Be((YamlDiagnosticCodes.InvalidValue, "4:57", "'effective' of amendment 'A1' (2022-06-01) comes before its 'adopted' (2022-06-13)"));
    }

    [Fact]
    public void ParseOrdinance_AmendmentIdUsedTwice_IsAnError()
    {
        TestFiles.Single(With("amendments:\n  - { id: A1, title: T, affects: [P1], text-known: no }\n  - { id: A1, title: U, affects: [P1], text-known: no }"))
            .Should().Be((DiagnosticCodes.InvalidOrdinance, "5:11", "amendment id 'A1' is already used at line 4; amendment ids must be unique"));
    }

    [Fact]
    public void ParseOrdinance_UnknownAmendmentKey_ReportsItWithASuggestion()
    {
        TestFiles.Single(With("amendments:\n  - { id: A1, title: T, affects: [P1], text-known: no, effectve: 2022-07-01 }"))
            .Should().Be((YamlDiagnosticCodes.UnknownKey, "4:56", "unknown key 'effectve' in amendment 'A1'; did you mean 'effective'?"));
    }

    [Fact]
    public void ParseOrdinance_InForceUntilNotAfterFrom_IsAnError()
    {
        TestFiles.Single(WithProvisionKeys("in-force: { from: 2022-07-01, until: 2022-07-01 }"))
            .Should().Be((YamlDiagnosticCodes.InvalidValue, "14:42", "'until' (2022-07-01) must come after 'from' (2022-07-01) in 'in-force' of provision 'P1'"));
    }

    [Fact]
    public void ParseOrdinance_InForceWithNeitherDate_IsAnError()
    {
        TestFiles.Single(WithProvisionKeys("in-force: {}"))
            .Should().Be((YamlDiagnosticCodes.MissingKey, "14:15", "'in-force' of provision 'P1' needs 'from', 'until' or both, each a date such as 2022-07-01"));
    }

    [Fact]
    public void ParseOrdinance_InForceDateThatDoesNotParse_IsAnError()
    {
        TestFiles.Single(WithProvisionKeys("in-force: { from: July 2022 }"))
            .Should().Be((YamlDiagnosticCodes.InvalidValue, "14:23", "'from' must be a date such as 2020-12-21, or unknown, not 'July 2022'"));
    }

    [Fact]
    public void ParseOrdinance_PrevailsOverNotAList_IsWrongShape()
    {
        TestFiles.Single(WithProvisionKeys("prevails-over: P2"))
            .Should().Be((YamlDiagnosticCodes.WrongShape, "14:20", "'prevails-over' in provision 'P1' must be a list, not text"));
    }

    [Fact]
    public void ParseOrdinance_PrevailsOverAnIdTwice_IsAnError()
    {
        TestFiles.Single(WithProvisionKeys("prevails-over: [P2, P2]"))
            .Should().Be((YamlDiagnosticCodes.InvalidValue, "14:25", "'prevails-over' in provision 'P1' lists 'P2' twice"));
    }

    [Fact]
    public void ParseOrdinance_PrevailsOverAnIdNoProvisionHas_IsAnErrorWithASuggestion()
    {
        TestFiles.Single(WithProvisionKeys("prevails-over: [P1x]"))
            .Should().Be((DiagnosticCodes.InvalidOrdinance, "14:21", "provision 'P1' prevails over 'P1x', which is not a provision of this ordinance (provisions: P1); did you mean 'P1'?"));
    }

    [Fact]
    public void ParseOrdinance_PrevailsOverItself_IsAnError()
    {
        TestFiles.Single(WithProvisionKeys("prevails-over: [P1]"))
            .Should().Be((DiagnosticCodes.InvalidOrdinance, "14:21", "provision 'P1' names itself in 'prevails-over'; list the provisions it prevails over"));
    }

    [Fact]
    public void ParseOrdinance_LapseWithoutRestartWithin_ReportsTheMissingKey()
    {
        TestFiles.Single(WithExceptionKeys("lapses: { at: r.receivedAt }"))
            .Should().Be((YamlDiagnosticCodes.MissingKey, "22:17", "missing required key 'restart-within' in 'lapses' of exception 'E1'"));
    }

    [Fact]
    public void ParseOrdinance_LapseWithABadDuration_IsAnError()
    {
        TestFiles.Single(WithExceptionKeys("lapses: { at: r.receivedAt, restart-within: two days }"))
            .Should().Be((YamlDiagnosticCodes.InvalidValue, "22:53", "'restart-within' must be a duration such as 48h, 30m, 2d or 1h30m, not 'two days'"));
    }

    [Fact]
    public void ParseOrdinance_UnknownLapseKey_IsReported()
    {
        TestFiles.Single(WithExceptionKeys("lapses: { at: r.receivedAt, when: yes, restart-within: 48h }"))
            .Should().Be((YamlDiagnosticCodes.UnknownKey, "22:37", "unknown key 'when' in 'lapses' of exception 'E1'"));
    }
}
