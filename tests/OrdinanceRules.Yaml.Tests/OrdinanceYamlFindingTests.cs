using OrdinanceRules.Diagnostics;
using OrdinanceRules.Explanations;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Findings as facts: a provision that tests another's finding, compiled into NRules forward chaining.</summary>
public class OrdinanceYamlFindingTests
{
    // P1 is violated when either of its sub-clauses P1a and P1b is violated for the same request.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary: { uses: test-vocabulary.yaml }
        provisions:
          - id: P1a
            section: "§ 1(a)(1)"
            title: No detainers
            text: The Town does not honour detainers of federal agencies.
            modality: prohibition
            binds: Town
            for: { r: request }
            applies-when: r.from.level == 'federal'
            violated-when: r.kind == 'detainer'
            exceptions:
              - id: E1
                section: "§ 1(b)"
                title: Specific threat
                for: { t: threat }
                when: t.specific
          - id: P1b
            section: "§ 1(a)(2)"
            title: No support
            text: The Town gives no support to federal agencies.
            modality: prohibition
            binds: Town
            for: { r: request }
            applies-when: r.from.level == 'federal'
            violated-when: r.kind == 'support'
          - id: P1
            section: "§ 1(a)"
            title: No cooperation
            text: § 1(a) is violated when any of (a)(1) and (a)(2) is violated for that request.
            modality: prohibition
            binds: Town
            for: { r: request }
            violated-when: violated('P1a', r) or violated('P1b', r)
        """;

    private static readonly DateTimeOffset AsOf = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Result<CompiledOrdinance> Compile(string yaml) => TestFiles.Compile(yaml);

    private static ComplianceReport Evaluate(string facts, bool explain = false) => TestFiles.Evaluate(Ordinance, facts, AsOf, explain);

    private static string Detainer(string level = "federal") => $"""
          - agency: ICE
            level: {level}
          - request: req-1
            from: ICE
            kind: detainer
        """;

    [Fact]
    public void Evaluate_SubClauseViolated_ViolatesTheGeneralProvisionAndSaysWhatItRestsOn()
    {
        var report = Evaluate(Detainer());

        report.Findings.Select(f => (f.ProvisionId, f.Status)).Should().Equal(
            ("P1a", FindingStatus.Violated), ("P1b", FindingStatus.Complied), ("P1", FindingStatus.Violated));
        report.For("P1").Single().Reason.Should().EndWith("It rests on P1a for request req-1 (violated); P1b for request req-1 (complied).");
    }

    [Fact]
    public void Evaluate_ExceptionDefeatsTheSubClause_RetractsTheGeneralFindingToo()
    {
        var report = Evaluate(Detainer() + """

              - threat: t1
                specific: yes
            """);

        report.Findings.Select(f => (f.ProvisionId, f.Status)).Should().Equal(
            ("P1a", FindingStatus.ExceptionApplies), ("P1b", FindingStatus.Complied), ("P1", FindingStatus.Complied));
    }

    [Fact]
    public void Evaluate_SubClauseUndetermined_LeavesTheGeneralFindingUndeterminedNamingWhatIsMissing()
    {
        var report = Evaluate(Detainer("unknown"));

        var p1 = report.For("P1").Single();
        p1.Status.Should().Be(FindingStatus.Undetermined);
        p1.Unknowns.Should().Equal(report.For("P1a").Single().Unknowns);
        p1.Unknowns.Should().ContainSingle().Which.Should().Contain("level");
    }

    [Fact]
    public void WhatIf_UnknownBehindASubClause_TriesItsValuesOnTheDerivedFindingToo()
    {
        var compiled = Compile(Ordinance).GetValueOrThrow();
        var scenario = OrdinanceYaml.ParseScenario($"scenario: S\nfacts:\n{Detainer("unknown")}", "scenario.yaml", compiled.Ordinance).GetValueOrThrow();

        var unknown = WhatIf.Unknowns(compiled, scenario, AsOf).First(u => u.Finding.ProvisionId == "P1");

        unknown.FactId.Should().Be("ICE");
        unknown.Tried.Select(t => (t.Value, t.After!.Status)).Should().Contain([("federal", FindingStatus.Violated), ("city", FindingStatus.Complied)]);
    }

    [Fact]
    public void Evaluate_NoSubClauseViolated_CompliesWithTheGeneralProvision()
    {
        var report = Evaluate("""
              - agency: ICE
                level: federal
              - request: req-1
                from: ICE
                kind: notification
            """);

        report.For("P1").Single().Status.Should().Be(FindingStatus.Complied);
    }

    [Fact]
    public void Explain_DerivedFinding_ListsTheFindingsItRestsOnWithTheirRules()
    {
        var report = Evaluate(Detainer(), explain: true);

        var explanation = report.Explanations.Single(e => e.Finding.ProvisionId == "P1").Root.ToString();
        explanation.Should().Contain("rests on the findings")
            .And.Contain("P1a (Town Ordinance 1, § 1(a)(1)) for request req-1: Violated, decided by rule P1a/violated");
    }

    [Fact]
    public void Compile_UnknownProvision_IsLocatedWithASuggestion()
    {
        var (code, where, message) = TestFiles.Single(Compile(Ordinance.Replace("violated('P1b', r)", "violated('P1c', r)", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        where.Should().Be("37:51");
        message.Should().Contain("provision 'P1c', which does not exist").And.Contain("did you mean");
    }

    [Fact]
    public void Compile_ProvisionsThatRestOnEachOther_AreACycleNamedAtTheTestThatClosesIt()
    {
        var cyclic = Ordinance.Replace("violated-when: r.kind == 'support'", "violated-when: violated('P1', r)", StringComparison.Ordinal);

        var (code, where, message) = TestFiles.Single(Compile(cyclic));

        code.Should().Be(DiagnosticCodes.FindingCycle);
        where.Should().Be("37:42");
        message.Should().Contain("P1b → P1 → P1b");
    }

    [Fact]
    public void Compile_ProvisionThatRestsOnItself_IsACycle()
    {
        var (code, _, message) = TestFiles.Single(Compile(Ordinance.Replace("violated('P1b', r)", "violated('P1', r)", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.FindingCycle);
        message.Should().Contain("P1 → P1");
    }

    [Fact]
    public void Compile_VariableOfATypeTheProvisionDoesNotBind_SaysWhatItsFindingsBind()
    {
        var other = Ordinance.Replace("for: { r: request }\n    violated-when: violated", "for: { r: request, g: agency }\n    violated-when: violated", StringComparison.Ordinal)
            .Replace("violated('P1b', r)", "violated('P1b', g)", StringComparison.Ordinal);

        var (code, where, message) = TestFiles.Single(Compile(other));

        code.Should().Be(DiagnosticCodes.ConditionType);
        where.Should().Be("37:58");
        message.Should().Contain("provision P1b binds no agency").And.Contain("its findings bind request");
    }

    [Fact]
    public void Compile_FindingTestInAnEventTime_IsRefusedWhereItStands()
    {
        var (code, _, message) = TestFiles.Single(Compile(Ordinance.Replace("    applies-when: r.from.level == 'federal'\n    violated-when: r.kind == 'support'",
            "    applies-when: r.from.level == 'federal'\n    event-time: if violated('P1a', r) then r.receivedAt else r.receivedAt\n    violated-when: r.kind == 'support'", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.ConditionType);
        message.Should().Contain("violated() can only stand in a provision's match, applies-when or violated-when");
    }

    [Fact]
    public void Compile_WithoutFindingTests_CompilesNoCollection()
    {
        var compiled = Compile(Ordinance.Replace("violated('P1a', r) or violated('P1b', r)", "r.kind == 'detainer'", StringComparison.Ordinal)).GetValueOrThrow();
        var derived = Compile(Ordinance).GetValueOrThrow();

        derived.RuleCount.Should().Be(compiled.RuleCount, "a finding test adds a collection to a rule, not rules");
    }

    [Fact]
    public void Coverage_DerivedProvision_CountsTheReadingsOfTheFindingsItRestsOn()
    {
        var withReading = Ordinance
            .Replace("provisions:\n", "readings:\n  - name: threat\n    question: Which threats count?\n    alternatives: { specific: Specific ones., any: Any. }\n    default: specific\nprovisions:\n", StringComparison.Ordinal)
            .Replace("when: t.specific", "when: t.specific or reading('threat') == 'any'", StringComparison.Ordinal);
        var ordinance = TestFiles.Ordinance(withReading).GetValueOrThrow();

        var coverage = Suites.OutcomeCoverage.Measure(ordinance, []);

        coverage.Provisions.Single(p => p.ProvisionId == "P1").Items.Select(i => i.Label).Should().Contain(["reading threat=specific", "reading threat=any"]);
        coverage.Provisions.Single(p => p.ProvisionId == "P1b").Items.Select(i => i.Label).Should().NotContain("reading threat=any");
    }
    [Fact]
    public void Evaluate_VersionWhoseConditionTestsAFinding_CollectsItLikeTheProvisions()
    {
        // P1 as amended from 2021 rests on P1a's finding; before, on the request's kind alone.
        var versioned = Ordinance
            .Replace(
                "    violated-when: violated('P1a', r) or violated('P1b', r)",
                "    event-time: r.receivedAt\n"
                + "    violated-when: r.kind == 'support'\n"
                + "    versions:\n"
                + "      - from: 2020-01-01\n"
                + "        text: Support only.\n"
                + "      - from: 2021-01-01\n"
                + "        text: Any cooperation (a)(1) or (a)(2) names.\n"
                + "        violated-when: violated('P1a', r) or violated('P1b', r)",
                StringComparison.Ordinal)
            .Replace("vocabulary:", "adopted: 2020-01-01\neffective: 2020-01-01\nvocabulary:", StringComparison.Ordinal);
        versioned.Should().Contain("versions:");
        string Facts(string at) => Detainer() + $"\n    receivedAt: {at}";

        var before = TestFiles.Evaluate(versioned, Facts("2020-06-01T12:00:00-05:00"), AsOf, explain: false);
        var after = TestFiles.Evaluate(versioned, Facts("2021-06-01T12:00:00-05:00"), AsOf, explain: false);

        before.For("P1").Single().Status.Should().Be(FindingStatus.Complied);
        after.For("P1").Single().Status.Should().Be(FindingStatus.Violated);
        after.For("P1").Single().Reason.Should().Contain("It rests on P1a for request req-1 (violated)");
    }
}
