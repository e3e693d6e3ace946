using System.Collections.Immutable;

namespace OrdinanceRules.Analysis.Tests;

/// <summary>
/// The solver's encoding and the NRules compilation check each other: every witness the analysis produces on a bundled
/// ordinance is evaluated by the compiled rules, which must give exactly the status the analysis claims.
/// </summary>
public class WitnessDifferentialTests
{
    public static TheoryData<string> Ordinances => [.. BundledOrdinances.Files.Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Ordinances))]
    public void Analyze_BundledOrdinance_EveryWitnessEvaluatesToItsClaimedStatus(string file)
    {
        var ordinance = BundledOrdinances.Load(file);
        var compiled = OrdinanceCompiler.Compile(ordinance);

        var report = OrdinanceAnalyzer.Analyze(ordinance);

        BundledOrdinances.Mismatches(compiled, report).Should().BeEmpty();
        report.Provisions.Where(p => p.IsAnalysed).Should().NotContain(p => p.Reachable.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Ordinances))]
    public void Analyze_BundledOrdinanceUnderEachOtherReading_EveryWitnessEvaluatesToItsClaimedStatus(string file)
    {
        var ordinance = BundledOrdinances.Load(file);
        var compiled = OrdinanceCompiler.Compile(ordinance);
        var mismatches = new List<string>();

        foreach (var reading in ordinance.Readings)
        {
            foreach (var alternative in reading.Alternatives.Where(a => a.Name != reading.Default))
            {
                var options = new AnalysisOptions { Readings = ImmutableDictionary<string, string>.Empty.Add(reading.Name, alternative.Name) };
                var report = OrdinanceAnalyzer.Analyze(ordinance, options);
                mismatches.AddRange(report.Witnesses
                    .Select(w => (Witness: w, Actual: BundledOrdinances.Actual(compiled, w)))
                    .Where(x => x.Actual != x.Witness.Status.ToString())
                    .Select(x => $"{reading.Name}={alternative.Name}: {BundledOrdinances.Describe(x.Witness)} -> actual {x.Actual}"));
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Analyze_RoelandParkUnderItsHigherLaws_EveryWitnessEvaluatesToItsClaimedStatus()
    {
        var ordinance = BundledOrdinances.Load("roeland-park-ks.yaml");
        Model.Ordinance[] higherLaws = [.. new[] { "kansas-ksa-12-16-140.yaml", "us-8-usc-1373.yaml", "us-legal-compulsion.yaml", "us-8-cfr-287-7.yaml" }.Select(BundledOrdinances.Load)];
        var compiled = OrdinanceCompiler.Compile(ordinance, higherLaws);

        var report = OrdinanceAnalyzer.Analyze(ordinance, higherLaws, null, null);

        BundledOrdinances.Mismatches(compiled, report).Should().BeEmpty();
        report.Provisions.Should().Contain(p => p.ProvisionId == "P6" && p.IsAnalysed);
        report.Findings.Should().NotContain(f => f.Kind == AnalysisFindingKind.Undecided);
    }

    [Fact]
    public void Analyze_Chicago_ItsGeneralBanRestsOnTheFindingsOfItsListAndEveryWitnessEvaluatesToItsClaimedStatus()
    {
        // CH-020a rests on the findings of (a)(1) to (a)(6), each with versions.
        var chicago = BundledOrdinances.Load("chicago-il.yaml");
        var compiled = OrdinanceCompiler.Compile(chicago);

        var report = OrdinanceAnalyzer.Analyze(chicago);

        var general = report.Provisions.Single(p => p.ProvisionId == "CH-020a");
        general.IsAnalysed.Should().BeTrue(string.Join("; ", general.NotAnalysed));
        general.Reachable.Select(w => w.Status).Should().Contain([FindingStatus.Violated, FindingStatus.Complied, FindingStatus.ExceptionApplies, FindingStatus.Undetermined]);
        BundledOrdinances.Mismatches(compiled, report).Should().BeEmpty();
    }

    [Fact]
    public void Analyze_ChicagoUnderTheFederalLaws_EveryWitnessEvaluatesToItsClaimedStatus()
    {
        // Provisions with versions under permissions of higher law: each version's conditions with precedence.
        var ordinance = BundledOrdinances.Load("chicago-il.yaml");
        Model.Ordinance[] higherLaws = [.. new[] { "us-8-usc-1373.yaml", "us-legal-compulsion.yaml", "us-8-cfr-287-7.yaml" }.Select(BundledOrdinances.Load)];
        var compiled = OrdinanceCompiler.Compile(ordinance, higherLaws);

        var report = OrdinanceAnalyzer.Analyze(ordinance, higherLaws, null, null);

        BundledOrdinances.Mismatches(compiled, report).Should().BeEmpty();
        report.Provisions.Should().Contain(p => p.ProvisionId == "CH-030a1" && p.IsAnalysed && p.Reachable.Any(w => w.Status == FindingStatus.ExceptionApplies));
        report.Findings.Should().NotContain(f => f.Kind == AnalysisFindingKind.Undecided);
    }
}
