using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Analysis.Tests;

public class OrdinanceAnalyzerTests
{
    [Fact]
    public void Analyze_ProvisionBeyondTheEncoding_SaysWhatItUsesInsteadOfGuessing()
    {
        var report = OrdinanceAnalyzer.Analyze(BundledOrdinances.Load("roeland-park-ks.yaml"));

        var p3 = report.Provisions.Single(p => p.ProvisionId == "P3");
        p3.IsAnalysed.Should().BeFalse();
        p3.NotAnalysed.Should().Contain(r => r.Contains("obligation", StringComparison.Ordinal));
        p3.Reachable.Should().BeEmpty();
        report.Findings.Should().NotContain(f => f.ProvisionId == "P3");
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
