using OrdinanceRules.Compilation;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Analysis.Tests;

/// <summary>Defects planted in a small ordinance are each found, with witnesses the compiled rules confirm.</summary>
public class SeededDefectTests
{
    private static readonly Model.Ordinance Seeded =
        OrdinanceYaml.LoadOrdinance(Path.Combine(AppContext.BaseDirectory, "TestData", "seeded-defects.yaml")).GetValueOrThrow();

    private static readonly AnalysisReport Report = OrdinanceAnalyzer.Analyze(Seeded);

    [Fact]
    public void Analyze_AlwaysFalseBreach_ReportsNeverViolated()
    {
        var finding = Report.Findings.Should().ContainSingle(f => f.ProvisionId == "S-ALWAYS-FALSE").Subject;

        finding.Kind.Should().Be(AnalysisFindingKind.NeverViolated);
        Report.Provisions.Single(p => p.ProvisionId == "S-ALWAYS-FALSE").Unreachable.Should().Contain(FindingStatus.Violated);
    }

    [Fact]
    public void Analyze_ScopeThatNeverHolds_ReportsNeverApplies()
    {
        Report.Findings.Should().ContainSingle(f => f.ProvisionId == "S-NEVER-APPLIES").Which.Kind.Should().Be(AnalysisFindingKind.NeverApplies);
        Report.Provisions.Single(p => p.ProvisionId == "S-NEVER-APPLIES").Unreachable.Should().BeEquivalentTo([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.ExceptionApplies]);
    }

    [Fact]
    public void Analyze_ExceptionAnotherAlwaysPreEmpts_ReportsItDead()
    {
        var dead = Report.Findings.Where(f => f.ProvisionId == "S-EXCEPTIONS").ToList();

        dead.Should().ContainSingle(f => f.ExceptionId == "S-E2").Which.Kind.Should().Be(AnalysisFindingKind.ExceptionNeverChangesOutcome);
        dead.Should().ContainSingle(f => f.ExceptionId == "S-E3").Which.Kind.Should().Be(AnalysisFindingKind.ExceptionNeverHolds);
        dead.Should().NotContain(f => f.ExceptionId == "S-E1");
    }

    [Fact]
    public void Analyze_DeadExceptionWitness_ShowsItHoldingWithoutChangingTheOutcome()
    {
        var witness = Report.Findings.Single(f => f.ExceptionId == "S-E2").Witness!;
        var compiled = OrdinanceCompiler.Compile(Seeded);

        var finding = compiled.Evaluate(witness.Scenario, witness.Scenario.AsOf!.Value, new EvaluationOptions { Readings = witness.Readings })
            .Findings.Single(f => f.ProvisionId == "S-EXCEPTIONS");

        finding.Status.Should().Be(FindingStatus.ExceptionApplies);
        finding.Exceptions.Select(e => e.Id).Should().BeEquivalentTo(["S-E1", "S-E2"]);
    }

    [Fact]
    public void Analyze_SeededOrdinance_EveryWitnessEvaluatesToItsClaimedStatus()
    {
        var compiled = OrdinanceCompiler.Compile(Seeded);

        Report.Witnesses.Should().NotBeEmpty();
        Report.Witnesses.Should().OnlyContain(w => BundledOrdinances.Actual(compiled, w) == w.Status.ToString());
    }
}
