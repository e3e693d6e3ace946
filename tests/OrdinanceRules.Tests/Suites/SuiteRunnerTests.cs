using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Model;
using OrdinanceRules.Suites;

namespace OrdinanceRules.Tests.Suites;

public class SuiteRunnerTests
{
    private static readonly CompiledOrdinance Compiled = OrdinanceCompiler.Compile(TestOrdinance.Create(TestOrdinance.Alert with
    {
        AppliesWhen = "(k.agency.id == 'RPPD' or (reading('knowledge') == 'any-department' and k.agency.level == 'city')) and o.agency.enforcesImmigration",
    }) with
    {
        Readings =
        [
            new Reading
            {
                Name = "knowledge",
                Question = "Does knowledge held by another city department count?",
                Alternatives = [new("police-only", "Only the police's own receipt counts."), new("any-department", "Any city department's receipt counts.")],
                Default = "police-only",
            },
        ],
    });

    private static SuiteCase Case(string name, string knownTo, FindingStatus expected, params (string Reading, string Alternative)[] readings) => new()
    {
        Name = name,
        Scenario = TestOrdinance.Scenario()
            .Fact("agency", "PW", f => f.Set("enforcesImmigration", false).Set("level", "city"))
            .Fact("operation", "op1", f => f.Set("agency", "ICE-ERO").Set("status", "planned"))
            .Fact("awareness", "k1", f => f.Set("agency", knownTo).Set("operation", "op1").Set("receivedAt", "2021-03-01T09:00:00-06:00"))
            .Build(),
        AsOf = DateTimeOffset.Parse("2021-03-10T00:00:00-06:00", CultureInfo.InvariantCulture),
        Readings = readings.ToImmutableDictionary(r => r.Reading, r => r.Alternative),
        Expectations = [new ExpectedFinding { ProvisionId = "P3", Status = expected, Facts = ImmutableDictionary<string, string>.Empty.Add("k", "k1") }],
    };

    [Fact]
    public void Run_CaseUnderAReading_EvaluatesUnderItAndCoverageCountsTheAlternative()
    {
        var suite = new OrdinanceSuite
        {
            Name = "readings",
            Cases = [Case("police only", "PW", FindingStatus.NotApplicable), Case("any department", "PW", FindingStatus.Violated, ("knowledge", "any-department"))],
        };

        var result = SuiteRunner.Run(suite, Compiled);

        result.Failed.Should().Be(0, string.Join("\n", result.Cases.Select(c => c.FailureMessage)));
        var coverage = OutcomeCoverage.Measure(Compiled.Ordinance, result.Cases).Provisions.Single(p => p.ProvisionId == "P3");
        coverage.Items.Select(i => (i.Label, i.Reached)).Should().Equal(
            ("violated", true),
            ("complied", false),
            ("exception E3", false),
            ("not-applicable", true),
            ("pending", false),
            ("undetermined", false),
            ("reading knowledge=police-only", true),
            ("reading knowledge=any-department", true));
        coverage.Items.Last().ReachedBy.Should().Equal("any department");
    }

    [Fact]
    public void RunCase_WrongStatus_ReportsExpectedAndActualWithTheReason()
    {
        var result = SuiteRunner.RunCase(Case("wrong", "PW", FindingStatus.Complied), Compiled);

        result.Passed.Should().BeFalse();
        var mismatch = result.Mismatches.Should().ContainSingle().Subject;
        mismatch.ExpectedText.Should().Be("complied");
        mismatch.ActualText.Should().Be("not-applicable");
        result.FailureMessage.Should().Be($"case 'wrong' failed\nP3 (o=op1, k=k1)\n  expected: complied\n  actual:   not-applicable\n  reason:   {mismatch.Actual!.Reason}");
    }

    [Fact]
    public void RunCase_FactsThatPickNoFinding_SayWhichFactsTheFindingsBind()
    {
        var suiteCase = Case("no such fact", "RPPD", FindingStatus.Violated) with
        {
            Expectations = [new ExpectedFinding { ProvisionId = "P3", Status = FindingStatus.Violated, Facts = ImmutableDictionary<string, string>.Empty.Add("k", "k9") }],
        };

        var result = SuiteRunner.RunCase(suiteCase, Compiled);

        result.Mismatches.Should().ContainSingle().Which.ActualText.Should().Be("no finding of P3 binds k=k9; its findings bind o=op1, k=k1");
    }

    [Fact]
    public void RunCase_UndeclaredReading_FailsWithoutThrowing()
    {
        var result = SuiteRunner.RunCase(Case("bad reading", "PW", FindingStatus.Violated, ("knowledge", "everyone")), Compiled);

        result.Report.Should().BeNull();
        result.Error.Should().Be("reading 'knowledge' has no alternative 'everyone' (it has police-only, any-department)");
    }
}
