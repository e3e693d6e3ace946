using OrdinanceRules.Yaml;

namespace OrdinanceRules.Analysis.Tests;

/// <summary>
/// Recurring duties are analysed over the periods the engine generates for them: each witness binds a period by its
/// label, holds no period fact of its own, and the compiled rules give it the claimed status.
/// </summary>
public class SeededRecurringTests
{
    private static readonly Model.Ordinance Seeded =
        OrdinanceYaml.LoadOrdinance(Path.Combine(AppContext.BaseDirectory, "TestData", "seeded-recurring.yaml")).GetValueOrThrow();

    private static readonly AnalysisReport Report = OrdinanceAnalyzer.Analyze(Seeded);

    [Fact]
    public void Analyze_QuarterlyDutyWithADeadline_ReachesEveryDutyStatusAndReportsNothing()
    {
        var summary = Report.Provisions.Single(p => p.ProvisionId == "R-SUMMARY");

        summary.IsAnalysed.Should().BeTrue(string.Join("; ", summary.NotAnalysed));
        summary.Reachable.Select(w => w.Status).Should().Contain([FindingStatus.NotApplicable, FindingStatus.Pending, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        Report.Findings.Should().NotContain(f => f.ProvisionId == "R-SUMMARY");
    }

    [Fact]
    public void Analyze_RecurringDutyWhoseMatchIsAlwaysFalse_ReportsNeverApplies()
    {
        Report.Findings.Should().ContainSingle(f => f.ProvisionId == "R-NEVER").Which.Kind.Should().Be(AnalysisFindingKind.NeverApplies);
        Report.Provisions.Single(p => p.ProvisionId == "R-NEVER").Unreachable.Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Pending]);
    }

    [Fact]
    public void Analyze_DutyInForceForTwoYears_BindsOnlyThePeriodsItGenerates()
    {
        var window = Report.Witnesses.Where(w => w.ProvisionId == "R-WINDOW").ToList();

        window.Should().NotBeEmpty();
        window.Should().OnlyContain(w => w.Facts.Single(f => f.Variable == "y").FactId == "2030" || w.Facts.Single(f => f.Variable == "y").FactId == "2031");
        Report.Provisions.Single(p => p.ProvisionId == "R-WINDOW").Reachable.Select(w => w.Status).Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Pending]);
    }

    [Fact]
    public void Analyze_Witnesses_HoldNoPeriodFactsAndBindEachPeriodByItsLabel()
    {
        var quarterly = Report.Witnesses.Where(w => w.ProvisionId == "R-SUMMARY").ToList();

        quarterly.Should().OnlyContain(w => w.Scenario.Facts.All(f => f.Type.Name != "quarter" && f.Type.Name != "year"));
        quarterly.Should().OnlyContain(w => w.Facts.Any(f => f.Variable == "q" && f.FactType == "quarter" && System.Text.RegularExpressions.Regex.IsMatch(f.FactId, "^20[0-9]{2}-Q[1-4]$")));
    }

    [Fact]
    public void Analyze_FindingTestOfARecurringDuty_IsNotAnalysedAndSaysWhy()
    {
        var tested = Report.Provisions.Single(p => p.ProvisionId == "R-TESTED");

        tested.IsAnalysed.Should().BeFalse();
        tested.NotAnalysed.Should().ContainSingle().Which.Should().Contain("R-SUMMARY, a recurring duty");
        tested.Reachable.Should().BeEmpty();
    }

    [Fact]
    public void Analyze_RecurringOrdinance_EveryWitnessEvaluatesToItsClaimedStatus()
    {
        var compiled = OrdinanceCompiler.Compile(Seeded);

        Report.Witnesses.Should().NotBeEmpty();
        BundledOrdinances.Mismatches(compiled, Report).Should().BeEmpty();
    }

    [Fact]
    public void Analyze_DutyThatWouldPassThePeriodLimit_KeepsEveryWitnessBeforeIt()
    {
        // Monthly from 1920 (the ordinance in force from 1919): the 1,201st month begins on 1 January 2020, and an evaluation as of then or later stops
        // with a diagnostic (too many periods), for every provision. Every witness is judged before it.
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "seeded-recurring.yaml"))
            .Replace("recurs: { every: quarter, as: q, from: 2021-01-01 }", "recurs: { every: month, as: q, from: 1920-01-01 }", StringComparison.Ordinal)
            .Replace("due: q.end + 1 month", "due: q.end + 10 days", StringComparison.Ordinal)
            .Replace("effective: 2020-01-01", "effective: 1919-01-01", StringComparison.Ordinal)
            .Replace("adopted: 2020-01-01", "adopted: 1919-01-01", StringComparison.Ordinal);
        var ordinance = OrdinanceYaml.ParseOrdinance(text, "seeded-recurring-monthly.yaml").GetValueOrThrow();
        var compiled = OrdinanceCompiler.Compile(ordinance);

        var report = OrdinanceAnalyzer.Analyze(ordinance);

        var limit = new DateTimeOffset(2020, 1, 1, 6, 0, 0, TimeSpan.Zero);
        report.Provisions.Single(p => p.ProvisionId == "R-SUMMARY").Reachable.Select(w => w.Status).Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Pending]);
        report.Witnesses.Should().NotBeEmpty().And.OnlyContain(w => w.Scenario.AsOf < limit);
        report.Provisions.Single(p => p.ProvisionId == "R-WINDOW").Reachable.Should().BeEmpty("its years lie past the limit");
        BundledOrdinances.Mismatches(compiled, report).Should().BeEmpty();
    }
}
