using System.Collections.Immutable;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Analysis.Tests;

/// <summary>The diff's witnesses, written as YAML and read under each side's ordinance, get each side's claimed status from the compiled rules.</summary>
public class OrdinanceDiffTests
{
    [Fact]
    public void Compare_RoelandParkAndLawrence_EveryWitnessGivesBothClaimedStatuses()
    {
        var (a, b) = (BundledOrdinances.Load("roeland-park-ks.yaml"), BundledOrdinances.Load("lawrence-ks.yaml"));

        var report = OrdinanceDiff.Compare(new DiffSide(a), new DiffSide(b), null, null);

        report.HasDifferences.Should().BeTrue();
        report.Pairs.Should().ContainSingle(p => p.ProvisionA == "P3" && p.ProvisionB == "LW-P4")
            .Which.Differences.Should().Contain(d => d.A.Status == FindingStatus.Violated && d.B.Status == FindingStatus.Complied);

        // Roeland Park adds action kinds of its own: a witness's action kind is one both vocabularies declare.
        report.Pairs.Should().ContainSingle(p => p.ProvisionA == "P2" && p.ProvisionB == "LW-P3").Which.Outcome.Should().Be(DiffOutcome.Differs);
        Mismatches(report, a, b).Should().BeEmpty();
    }

    [Fact]
    public void Compare_TwoReadings_OnlyTheProvisionTheReadingDecidesDiffers()
    {
        var ordinance = BundledOrdinances.Load("roeland-park-ks.yaml");
        var other = new DiffSide(ordinance) { Readings = ImmutableDictionary<string, string>.Empty.Add("p2-judicial-warrant", "exception-for-criminal-immigration") };

        var report = OrdinanceDiff.Compare(new DiffSide(ordinance), other, null, null);

        report.Pairs.Where(p => p.Outcome == DiffOutcome.Differs).Select(p => p.ProvisionA).Should().Equal("P2");
        report.Pairs.Single(p => p.ProvisionA == "P2").Differences.Should().Contain(d => d.A.Status == FindingStatus.Violated && d.B.Status == FindingStatus.ExceptionApplies);
        Mismatches(report, ordinance, ordinance).Should().BeEmpty();
    }

    [Fact]
    public void Compare_TwoVersionsDifferingOnlyForTheSecondType_FindTheDifferenceOnThatType()
    {
        // Only an act can be high: the two versions of S-TYPES agree on every question and differ on acts.
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "seeded-types.yaml");
        var a = OrdinanceYaml.LoadOrdinance(path).GetValueOrThrow();
        var b = OrdinanceYaml.ParseOrdinance(File.ReadAllText(path).Replace("violated-when: x.level != 'low'", "violated-when: \"no\"", StringComparison.Ordinal), "seeded-types-b.yaml").GetValueOrThrow();

        var report = OrdinanceDiff.Compare(new DiffSide(a), new DiffSide(b), null, null);

        var difference = report.Pairs.Should().ContainSingle().Which.Differences.Should().ContainSingle().Subject;
        (difference.A.Status, difference.B.Status).Should().Be((FindingStatus.Violated, FindingStatus.Complied));
        difference.A.Scenario.Facts.Single(f => f.Id == difference.A.Facts[0].FactId).Type.Name.Should().Be("action");
        Mismatches(report, a, b).Should().BeEmpty();
    }

    [Fact]
    public void Compare_SameSides_NoDifference()
    {
        var ordinance = BundledOrdinances.Load("lawrence-ks.yaml");

        var report = OrdinanceDiff.Compare(new DiffSide(ordinance), new DiffSide(ordinance), null, null);

        report.Pairs.Should().NotBeEmpty().And.OnlyContain(p => p.Outcome == DiffOutcome.NoDifference);
        report.Pairs.Should().Contain(p => p.ProvisionA == "LW-P4" && p.ProvisionB == "LW-P4");
        report.NotCompared.Should().BeEmpty();
    }

    private static List<string> Mismatches(DiffReport report, Model.Ordinance a, Model.Ordinance b)
    {
        var (compiledA, compiledB) = (OrdinanceCompiler.Compile(a), OrdinanceCompiler.Compile(b));
        var mismatches = new List<string>();
        foreach (var difference in report.Pairs.SelectMany(p => p.Differences))
        {
            mismatches.AddRange(Check(compiledA, a, difference.A).Concat(Check(compiledB, b, difference.B)));
        }

        return mismatches;
    }

    /// <summary>The witness as a file would carry it: written as YAML and read in the ordinance's own vocabulary.</summary>
    private static IEnumerable<string> Check(CompiledOrdinance compiled, Model.Ordinance ordinance, Witness witness)
    {
        var read = OrdinanceYaml.ParseScenario(OrdinanceYaml.WriteScenario(witness.Scenario), "witness.yaml", ordinance);
        if (!read.Succeeded)
        {
            yield return $"{witness.ProvisionId}: {string.Join("; ", read.Diagnostics)}";
            yield break;
        }

        var actual = BundledOrdinances.Actual(compiled, witness with { Scenario = read.Value });
        if (actual != witness.Status.ToString())
        {
            yield return $"{BundledOrdinances.Describe(witness)} -> actual {actual}";
        }
    }
}
