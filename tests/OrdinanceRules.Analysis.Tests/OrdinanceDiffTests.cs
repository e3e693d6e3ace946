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
    public void Compare_RecurringDutyGivenAnotherQuarter_DiffersOnlyThereAndCheckConfirmsEachWitness()
    {
        // Chicago's quarterly report falls due a quarter after the quarter ends; b gives it two.
        var path = Path.Combine(BundledOrdinances.Root, "samples", "ordinances", "chicago-il.yaml");
        var a = BundledOrdinances.Load("chicago-il.yaml");
        var b = OrdinanceYaml.ParseOrdinance(File.ReadAllText(path).Replace("due: q.end + 1 quarter", "due: q.end + 2 quarters", StringComparison.Ordinal), "chicago-il-b.yaml").GetValueOrThrow();

        var report = OrdinanceDiff.Compare(new DiffSide(a), new DiffSide(b), null, null);

        report.Pairs.Where(p => p.Outcome != DiffOutcome.NoDifference).Should().ContainSingle().Which.ProvisionA.Should().Be("CH-R");
        var differences = report.Pairs.Single(p => p.ProvisionA == "CH-R").Differences;
        differences.Should().Contain(d => d.A.Status == FindingStatus.Violated && d.B.Status == FindingStatus.Pending);
        differences.Should().OnlyContain(d => d.A.Scenario.Facts.All(f => f.Type.Name != "quarter"));
        Mismatches(report, a, b).Should().BeEmpty();
    }

    [Fact]
    public void Compare_RecurringDutiesCountedInTwoZones_AreListedAsNotComparedWithWhy()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "seeded-recurring.yaml");
        var a = OrdinanceYaml.LoadOrdinance(path).GetValueOrThrow();
        var b = OrdinanceYaml.ParseOrdinance(File.ReadAllText(path).Replace("America/Chicago", "America/New_York", StringComparison.Ordinal), "seeded-recurring-east.yaml").GetValueOrThrow();

        var report = OrdinanceDiff.Compare(new DiffSide(a), new DiffSide(b), null, null);

        report.NotCompared.Should().Contain(r => r.StartsWith("a: R-SUMMARY and b: R-SUMMARY: not compared", StringComparison.Ordinal) && r.Contains("two time zones", StringComparison.Ordinal));
        report.Pairs.Should().NotContain(p => p.ProvisionA == "R-SUMMARY");
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

    // D-GENERAL rests on D-ARREST's finding; side b drops D-ARREST's exception for an ordered arrest, so the two differ on
    // D-ARREST and, through the finding test, on D-GENERAL too. D-PAPERS quantifies over a set of references.
    private const string Derived = """
        ordinance: "T-D"
        title: Seeded derived findings
        jurisdiction: { name: Testville, state: Kansas, time-zone: America/Chicago }
        adopted: 2020-01-01
        effective: 2020-01-01
        vocabulary:
          uses: immigration-cooperation
          types:
            action:
              add-fields:
                basedOn: { type: set, to: document, default: none, description: The papers the act rests on. }
        provisions:
          - id: D-ARREST
            section: "§ 1"
            title: No arrest for civil immigration
            text: No officer shall arrest a person for a civil immigration purpose, unless ordered to.
            modality: prohibition
            binds: officers
            for: { a: action }
            applies-when: a.kind == 'arrest'
            violated-when: "'civil-immigration' in a.purposes"
        EXCEPTION
          - id: D-GENERAL
            section: "§ 2"
            title: No assistance, including the arrests § 1 bars
            text: No officer shall assist civil immigration enforcement, including by an arrest § 1 bars.
            modality: prohibition
            binds: officers
            for: { a: action }
            applies-when: a.kind == 'arrest'
            violated-when: violated('D-ARREST', a)
          - id: D-PAPERS
            section: "§ 3"
            title: No act on a detainer alone
            text: No officer shall act on papers none of which a judge signed.
            modality: prohibition
            binds: officers
            for: { a: action }
            applies-when: a.kind == 'arrest'
            violated-when: QUANTIFIED
        """;

    private const string Exception = """
            exceptions:
              - id: D-E1
                section: "§ 1(a)"
                title: Ordered
                when: not a.voluntary
        """;

    [Fact]
    public void Compare_FindingTestsAndReferenceSets_DifferWhereTheirInputsDoAndCheckConfirmsEachWitness()
    {
        var a = Parse(Derived.Replace("EXCEPTION", Exception).Replace("QUANTIFIED", "not some(d in a.basedOn, d.issuerRole == 'judge')"));
        var b = Parse(Derived.Replace("EXCEPTION", string.Empty).Replace("QUANTIFIED", "every(d in a.basedOn, d.issuerRole == 'judge', no)"));

        var report = OrdinanceDiff.Compare(new DiffSide(a), new DiffSide(b), null, null);

        report.NotCompared.Should().BeEmpty();
        report.Pairs.Single(p => p.ProvisionA == "D-GENERAL").Differences.Should().Contain(d => d.A.Status == FindingStatus.Complied && d.B.Status == FindingStatus.Violated,
            "an ordered arrest is excepted from D-ARREST only on side a, so D-GENERAL's finding test differs");
        report.Pairs.Single(p => p.ProvisionA == "D-PAPERS").Outcome.Should().Be(DiffOutcome.NoDifference, "'not some' and 'every ... no' say the same of a set");
        Mismatches(report, a, b).Should().BeEmpty();
    }

    private static Model.Ordinance Parse(string yaml) => OrdinanceYaml.ParseOrdinance(yaml, "seeded.yaml").GetValueOrThrow();

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
