using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>Quantifiers and aggregates (every, some, count) over facts joined to the subject, through NRules' Collect.</summary>
public class OrdinanceYamlQuantifierTests
{
    // "The quarterly report lists every detainer received in that quarter." Q1's violated-when is on line 24.
    private const string Ordinance = """
        ordinance: "1"
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        vocabulary:
          uses: test-vocabulary.yaml
          types:
            report:
              fields: { quarterStart: instant, quarterEnd: instant }
            listing:
              fields: { report: { type: reference, to: report }, request: { type: reference, to: request } }
        provisions:
          - id: Q1
            section: "§ 5"
            title: Every detainer reported
            text: The quarterly report lists every detainer received in that quarter.
            modality: prohibition
            binds: Town
            for: { p: report }
            applies-when: some(d in request, d.kind == 'detainer' and within(d.receivedAt, p.quarterStart, p.quarterEnd))
            violated-when: >-
              not every(d in request, d.kind == 'detainer' and within(d.receivedAt, p.quarterStart, p.quarterEnd),
                        some(l in listing, l.report == p and l.request == d))
        """;

    private static readonly DateTimeOffset AsOf = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string Facts(string r2ReceivedAt = "2021-11-02T10:00", bool listR2 = true) => $"""
          - report: p-1
            quarterStart: 2021-10-01T00:00
            quarterEnd: 2022-01-01T00:00
          - request: r1
            kind: detainer
            receivedAt: 2021-10-05T10:00
          - request: r2
            kind: detainer
            receivedAt: {r2ReceivedAt}
          - request: r3
            kind: detainer
            receivedAt: 2021-08-01T10:00
          - request: r4
            kind: support
            receivedAt: 2021-10-06T10:00
          - listing: l1
            report: p-1
            request: r1
        {(listR2 ? "  - listing: l2\n    report: p-1\n    request: r2\n" : string.Empty)}
        """;

    private static Finding Q1(string facts, string ordinance = Ordinance) => TestFiles.Evaluate(ordinance, facts, AsOf).For("Q1").Single();

    private static readonly string Counted = Ordinance.Replace("applies-when: some(", "applies-when: 0 < count(", StringComparison.Ordinal);

    [Fact]
    public void Evaluate_EveryDetainerOfTheQuarterListed_Complies()
    {
        Q1(Facts()).Status.Should().Be(FindingStatus.Complied);
    }

    [Fact]
    public void Evaluate_ADetainerOfTheQuarterNotListed_IsViolated()
    {
        Q1(Facts(listR2: false)).Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_UnknownMemberThatCouldChangeTheAnswer_IsUndeterminedNamingIt()
    {
        var finding = Q1(Facts("unknown", listR2: false));

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("request r2: receivedAt");
    }

    [Fact]
    public void Evaluate_UnknownMemberThatCannotChangeTheAnswer_StillDecides()
    {
        Q1(Facts("unknown", listR2: true)).Status.Should().Be(FindingStatus.Complied, "r2 is listed, so whether it was received in the quarter changes nothing");
    }

    [Fact]
    public void Evaluate_NoDetainerInTheQuarter_CountIsZeroAndTheProvisionDoesNotApply()
    {
        var facts = "  - report: p-1\n    quarterStart: 2021-10-01T00:00\n    quarterEnd: 2022-01-01T00:00\n  - request: r3\n    kind: detainer\n    receivedAt: 2021-08-01T10:00\n";

        Q1(facts).Status.Should().Be(FindingStatus.NotApplicable);
        Q1(facts, Counted).Status.Should().Be(FindingStatus.NotApplicable);
    }

    [Fact]
    public void Evaluate_Count_CountsTheMembersTheWhereClauseSelectsAndIsUnknownOnlyWhenOneCouldChangeTheAnswer()
    {
        Q1(Facts(), Counted).Status.Should().Be(FindingStatus.Complied);
        Q1(Facts("unknown"), Counted).Status.Should().Be(FindingStatus.Complied, "r1 is counted, so whether r2 is changes nothing: the count is 1 or 2, over 0 either way");

        var facts = "  - report: p-1\n    quarterStart: 2021-10-01T00:00\n    quarterEnd: 2022-01-01T00:00\n  - request: r2\n    kind: detainer\n    receivedAt: unknown\n  - request: r3\n    kind: detainer\n    receivedAt: 2021-08-01T10:00\n";
        var unknown = Q1(facts, Counted);
        unknown.Status.Should().Be(FindingStatus.Undetermined, "the count is 0 or 1");
        unknown.Unknowns.Should().Equal("request r2: receivedAt");
    }

    [Fact]
    public void Evaluate_FurtherRequestsMayExist_EveryThatHoldsBecomesUnknownNamingThem()
    {
        // The scenario lists every detainer it knows of, but says further requests may exist: one could be unlisted.
        var finding = Q1(Facts() + "unknown: [request]\n");

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("whether any further request exists");
    }

    [Fact]
    public void Evaluate_FurtherRequestsMayExist_EveryThatFailsStandsAndSomeThatHoldsStands()
    {
        // r2 is not listed: no further request can make every() hold again; some() already found r1.
        Q1(Facts(listR2: false) + "unknown: [request]\n").Status.Should().Be(FindingStatus.Violated);
    }

    [Fact]
    public void Evaluate_FurtherRequestsMayExist_SomeThatFindsNoneBecomesUnknown()
    {
        var facts = "  - report: p-1\n    quarterStart: 2021-10-01T00:00\n    quarterEnd: 2022-01-01T00:00\nunknown: [request]\n";

        var finding = Q1(facts);
        finding.Status.Should().Be(FindingStatus.Undetermined, "a detainer of the quarter may exist that the scenario does not list");
        finding.Unknowns.Should().Equal("whether any further request exists");
        Q1(facts.Replace("unknown: [request]", "unknown: [threat]", StringComparison.Ordinal)).Status.Should().Be(FindingStatus.NotApplicable, "only the types the scenario names are open");
    }

    [Fact]
    public void Evaluate_FurtherRequestsMayExist_CountHasNoUpperBound()
    {
        // r1 and r2 are found: further requests can only add to the count, so 0 < count() holds; every() is what stays open.
        var finding = Q1(Facts() + "unknown: [request]\n", Counted);
        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().Equal("whether any further request exists");

        var fewer = Ordinance.Replace("applies-when: some(", "applies-when: 5 > count(", StringComparison.Ordinal);
        Q1(Facts(), fewer).Status.Should().Be(FindingStatus.Complied);
        var open = Q1(Facts() + "unknown: [request]\n", fewer);
        open.Status.Should().Be(FindingStatus.Undetermined, "further requests could make five");
        open.Unknowns.Should().Equal("whether any further request exists");
    }

    [Fact]
    public void Evaluate_QuantifiedMembersTimesSubjects_CountInTheEvaluationBudget()
    {
        // Each quantifier weighs every request for every report: 1,001 reports and 1,000 requests are 10^9
        // combinations for Q1's quantifiers over requests (and the listings, none here), though neither type alone comes near the limit.
        static string Many(int reports, int requests)
        {
            var text = new System.Text.StringBuilder("scenario: S\nfacts:\n");
            for (var i = 0; i < reports; i++)
            {
                text.Append("  - report: p-").Append(i).Append("\n    quarterStart: 2021-10-01T00:00\n    quarterEnd: 2022-01-01T00:00\n");
            }

            for (var i = 0; i < requests; i++)
            {
                text.Append("  - request: r-").Append(i).Append("\n    kind: detainer\n    receivedAt: 2021-10-05T10:00\n");
            }

            return text.ToString();
        }

        var compiled = TestFiles.Compile(Ordinance).GetValueOrThrow();
        var large = OrdinanceYaml.ParseScenario(Many(1001, 1000), "many.yaml", compiled.Ordinance).GetValueOrThrow();
        var refused = compiled.TryEvaluate(large, AsOf, null);

        refused.Succeeded.Should().BeFalse();
        refused.Diagnostics.Should().ContainSingle().Which.Message.Should()
            .Contain("provision Q1 would consider 1,001,000,000 combinations of facts (1,001 report × 1,000 request × 1,000 request × 0 listing)");

        var small = OrdinanceYaml.ParseScenario(Many(10, 10), "some.yaml", compiled.Ordinance).GetValueOrThrow();
        compiled.TryEvaluate(small, AsOf, null).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Compile_UnknownTypeInAQuantifier_IsLocatedWithASuggestion()
    {
        var (code, where, message) = TestFiles.Single(TestFiles.Compile(Counted.Replace("count(d in request", "count(d in requst", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        where.Should().Be("19:34");
        message.Should().Contain("'requst' is not a fact type").And.Contain("did you mean 'request'?");
    }

    [Fact]
    public void Compile_FieldTheMemberLacks_IsLocatedInTheWhereClause()
    {
        var (code, where, message) = TestFiles.Single(TestFiles.Compile(Counted.Replace("count(d in request, d.kind", "count(d in request, d.knd", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.ConditionUnknownName);
        where.Should().Be("19:45");
        message.Should().Contain("fact type 'request' has no field 'knd'");
    }

    [Fact]
    public void Compile_EveryWithoutItsTest_SaysHowItIsWritten()
    {
        var (code, _, message) = TestFiles.Single(TestFiles.Compile(Ordinance.Replace(
            "p.quarterEnd),\n", "p.quarterEnd) and\n", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.ConditionType);
        message.Should().Contain("every() takes 3 arguments: every(d in detainer, where, test)");
    }

    [Fact]
    public void Compile_QuantifierVariableAlreadyBound_IsAnError()
    {
        var (code, _, message) = TestFiles.Single(TestFiles.Compile(Counted.Replace("count(d in request, d.kind == 'detainer'", "count(p in request, p.kind == 'detainer'", StringComparison.Ordinal)));

        code.Should().Be(DiagnosticCodes.ConditionType);
        message.Should().Contain("'p' is already bound here");
    }

    [Fact]
    public void Compile_QuantifierInAnEventTime_IsRefused()
    {
        var result = TestFiles.Compile(Ordinance.Replace("    for: { p: report }\n", "    for: { p: report }\n    event-time: if some(d in request, d.kind == 'detainer') then p.quarterEnd else p.quarterStart\n", StringComparison.Ordinal));

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("some() can only stand in a provision's match, applies-when or violated-when");
    }
}
