using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Analysis.Tests;

public class OrdinanceAnalyzerTests
{
    [Theory]
    [InlineData("CH-R")]
    [InlineData("CH-030a-review")]
    public void Analyze_ChicagoRecurringDuty_IsAnalysedOverTheGeneratedPeriods(string id)
    {
        var report = OrdinanceAnalyzer.Analyze(BundledOrdinances.Load("chicago-il.yaml"));

        var duty = report.Provisions.Single(p => p.ProvisionId == id);
        duty.IsAnalysed.Should().BeTrue(string.Join("; ", duty.NotAnalysed));
        duty.Reachable.Select(w => w.Status).Should().Contain([FindingStatus.NotApplicable, FindingStatus.Pending, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        report.Findings.Should().NotContain(f => f.ProvisionId == id);
    }

    [Fact]
    public void Analyze_DetainerHoldCountedInBusinessHours_IsAnalysedWithItsAnchorFinding()
    {
        var report = OrdinanceAnalyzer.Analyze(BundledOrdinances.Load("us-8-cfr-287-7.yaml"));

        var hold = report.Provisions.Single(p => p.ProvisionId == "US-287.7d");
        hold.IsAnalysed.Should().BeTrue();
        hold.Reachable.Select(w => w.Status).Should().Contain([FindingStatus.Pending, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        report.Findings.Should().OnlyContain(f => f.Kind == AnalysisFindingKind.DeadlineAnchorCanBeAbsent);
    }

    [Theory]
    [InlineData("roeland-park-ks.yaml", "P3")]
    [InlineData("aclu-kansas-model.yaml", "AC-4")]
    [InlineData("aclu-kansas-model.yaml", "K3")]
    public void Analyze_BundledObligationWithADeadline_CanBePendingViolatedAndComplied(string file, string id)
    {
        var report = OrdinanceAnalyzer.Analyze(BundledOrdinances.Load(file));

        var duty = report.Provisions.Single(p => p.ProvisionId == id);
        duty.IsAnalysed.Should().BeTrue();
        duty.Reachable.Select(w => w.Status).Should().Contain([FindingStatus.Pending, FindingStatus.Violated, FindingStatus.Complied, FindingStatus.Undetermined]);
        report.Findings.Should().NotContain(f => f.ProvisionId == id);
    }

    [Theory]
    [InlineData("LW-P4")]
    [InlineData("LW-P5")]
    public void Analyze_LawrenceDutyWithNoDeadline_IsNeverViolated(string id)
    {
        var report = OrdinanceAnalyzer.Analyze(BundledOrdinances.Load("lawrence-ks.yaml"));

        report.Provisions.Single(p => p.ProvisionId == id).Reachable.Select(w => w.Status).Should().Contain([FindingStatus.Pending, FindingStatus.Complied]);
        report.Findings.Should().ContainSingle(f => f.ProvisionId == id).Which.Kind.Should().Be(AnalysisFindingKind.NeverViolated);
    }

    [Fact]
    public void Analyze_UnknownReading_Throws()
    {
        var ordinance = BundledOrdinances.Load("roeland-park-ks.yaml");

        var act = () => OrdinanceAnalyzer.Analyze(ordinance, new AnalysisOptions { Readings = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("p3-ned", "x") });

        act.Should().Throw<ArgumentException>().WithMessage("*p3-ned*");
    }

    [Fact]
    public void Analyze_ReadingThatTurnsAnExceptionOn_MakesItLive()
    {
        var ordinance = BundledOrdinances.Load("roeland-park-ks.yaml");
        var reading = ordinance.Readings.Single(r => r.Name == "p2-judicial-warrant");
        var other = reading.Alternatives.First(a => a.Name != reading.Default).Name;

        var byDefault = OrdinanceAnalyzer.Analyze(ordinance);
        var turnedOn = OrdinanceAnalyzer.Analyze(ordinance, new AnalysisOptions { Readings = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add(reading.Name, other) });

        byDefault.Findings.Should().Contain(f => f.ExceptionId == "E2d" && f.Kind == AnalysisFindingKind.ExceptionNeverHolds);
        turnedOn.Findings.Should().NotContain(f => f.ExceptionId == "E2d");
    }

    [Fact]
    public void AnalysisOptions_OutOfRange_Throw()
    {
        var tooMany = () => new AnalysisOptions { FactsPerType = 9 };
        var noTime = () => new AnalysisOptions { Timeout = TimeSpan.Zero };

        tooMany.Should().Throw<ArgumentOutOfRangeException>();
        noTime.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Analyze_OrdinanceThatDoesNotCompile_ThrowsItsDiagnostics()
    {
        var ordinance = BundledOrdinances.Load("roeland-park-ks.yaml");
        var broken = ordinance with { Provisions = [ordinance.Provisions[0] with { AppliesWhen = new Model.ConditionText("a.nosuchfield") }] };

        var act = () => OrdinanceAnalyzer.Analyze(broken);

        act.Should().Throw<OrdinanceDiagnosticException>();
    }
}
