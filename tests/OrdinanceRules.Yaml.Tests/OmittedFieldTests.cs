using OrdinanceRules.Compilation;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Explanations;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// An omitted yes/no field is never silently no: it takes its vocabulary default, which the report lists, or it is
/// unknown and named. Evaluated through NRules on the bundled Roeland Park file.
/// </summary>
public class OmittedFieldTests
{
    private static readonly Lazy<CompiledOrdinance> RoelandPark = new(() =>
        OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow()));

    private static string ScenarioText(string file) => File.ReadAllText(Repository.PathOf("samples", "scenarios", "roeland-park", file));

    private static ComplianceReport Evaluate(string yaml)
    {
        var ordinance = RoelandPark.Value;
        return ordinance.Evaluate(OrdinanceYaml.ParseScenario(yaml, "scenario.yaml", ordinance.Ordinance).GetValueOrThrow());
    }

    [Fact]
    public void Evaluate_P1aVoluntaryOmitted_IsUndeterminedNamingTheField()
    {
        var report = Evaluate(ScenarioText("p1a-voluntary-omitted-undetermined.yaml"));

        var p1a = report.For("P1a").Single();
        p1a.Status.Should().Be(FindingStatus.Undetermined);
        p1a.Unknowns.Should().Equal("action act-1: voluntary");
        report.For("P2").Single().Status.Should().Be(FindingStatus.Violated, "P2 does not read voluntary");
    }

    [Theory]
    [InlineData("no", FindingStatus.Complied)]
    [InlineData("yes", FindingStatus.NotApplicable)]
    public void Evaluate_P1aVoluntaryStated_DecidesTheOutcomeTheOmissionLeftOpen(string voluntary, FindingStatus expected)
    {
        var yaml = ScenarioText("p1a-voluntary-omitted-undetermined.yaml").TrimEnd() + $"\n    voluntary: {voluntary}\n";

        Evaluate(yaml).For("P1a").Single().Status.Should().Be(expected);
    }

    [Fact]
    public void WhatIf_P1aVoluntaryOmitted_TriesBothValues()
    {
        var ordinance = RoelandPark.Value;
        var scenario = OrdinanceYaml.ParseScenario(ScenarioText("p1a-voluntary-omitted-undetermined.yaml"), "scenario.yaml", ordinance.Ordinance).GetValueOrThrow();

        var unknown = WhatIf.Unknowns(ordinance, scenario, scenario.AsOf!.Value).Single(u => u.Finding.ProvisionId == "P1a");

        unknown.Field.Should().Be("voluntary");
        unknown.Tried.Select(t => (t.Value, t.After!.Status)).Should().Equal(("yes", FindingStatus.NotApplicable), ("no", FindingStatus.Complied));
    }

    [Fact]
    public void Evaluate_OmittedFieldWithDefault_ReadsTheDefaultAndTheReportListsIt()
    {
        var yaml = ScenarioText("p2-crime-in-progress-exception-applies.yaml").Replace("    statusOffense: no\n", string.Empty, StringComparison.Ordinal);

        var report = Evaluate(yaml);

        var p2 = report.For("P2").Single();
        p2.Status.Should().Be(FindingStatus.ExceptionApplies);
        p2.Exceptions.Select(e => e.Id).Should().Equal("E2b");
        report.DefaultsApplied.Should().ContainSingle(d => d.FactType == "crime").Which.Should().Be(new AppliedDefault("crime", "c-1", "statusOffense", false));
        OrdinanceJson.Report(report).DefaultsApplied.Should().ContainEquivalentOf(new AppliedDefaultJson("crime", "c-1", "statusOffense", false));
    }

    [Fact]
    public void Evaluate_StatedFields_ListNoDefaultForThem()
    {
        var report = Evaluate(ScenarioText("p2-crime-in-progress-exception-applies.yaml"));

        report.DefaultsApplied.Should().NotContain(d => d.FactType == "crime");
    }

    [Fact]
    public void ParseVocabulary_DefaultOnATextField_IsAnErrorAtTheKey()
    {
        var result = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              thing:
                fields:
                  label: { type: text, default: no }
            """, "v.yaml");

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.UnknownKey,
            "5:28",
            "'default' applies only to yes-no fields, and field 'thing.label' is a text: an omitted field of any other type is absent (none)"));
    }

    [Fact]
    public void ParseVocabulary_QuotedDefault_SaysToDropTheQuotes()
    {
        var result = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              thing:
                fields:
                  done: { type: yes-no, default: "no" }
            """, "v.yaml");

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "5:38",
            "'default' in field 'thing.done' must be yes or no, not 'no'; \"no\" in quotes is text: drop the quotes"));
    }

    [Fact]
    public void ParseVocabulary_DefaultNo_IsTheFieldsDefault()
    {
        var vocabulary = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              thing:
                fields:
                  done: { type: yes-no, default: no }
                  seen: { type: yes-no }
            """, "v.yaml").GetValueOrThrow();

        vocabulary.TryGetType("thing", out var thing).Should().BeTrue();
        thing!.Fields.Select(f => f.Default).Should().Equal(false, null);
    }
}
