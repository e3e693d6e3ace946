using OrdinanceRules.Evaluation;
using OrdinanceRules.Explanations;
using OrdinanceRules.Json;
using OrdinanceRules.Vocabulary;
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
        report.DefaultsApplied.Should().ContainSingle(d => d.FactType == "crime" && d.Field == "statusOffense").Which.Should().Be(new AppliedDefault("crime", "c-1", "statusOffense", FieldDefault.YesNo(false)));
        OrdinanceJson.Report(report).DefaultsApplied.Should().ContainEquivalentOf(new AppliedDefaultJson("crime", "c-1", "statusOffense", "no"));
    }

    [Fact]
    public void Evaluate_StatedFields_ListNoDefaultForThem()
    {
        var report = Evaluate(ScenarioText("p2-crime-in-progress-exception-applies.yaml"));

        report.DefaultsApplied.Should().NotContain(d => d.FactType == "crime" && d.Field == "statusOffense");
    }

    [Fact]
    public void Evaluate_OmittedSetField_IsUndeterminedNamingTheField()
    {
        // Before: an omitted 'purposes' read as an empty set, so P2's "not any(a.purposes, [...])" was silently yes.
        var yaml = ScenarioText("p2-specific-threat-exception-applies.yaml").Replace("    purposes: [civil-immigration, public-safety]\n", string.Empty, StringComparison.Ordinal);

        var p2 = Evaluate(yaml).For("P2").Single();

        p2.Status.Should().Be(FindingStatus.Undetermined);
        p2.Unknowns.Should().Equal("action act-1: purposes");
    }

    [Fact]
    public void Evaluate_SetStatedEmpty_IsKnownToBeEmpty()
    {
        var yaml = ScenarioText("p2-specific-threat-exception-applies.yaml").Replace("    purposes: [civil-immigration, public-safety]\n", "    purposes: []\n", StringComparison.Ordinal);

        var p2 = Evaluate(yaml).For("P2").Single();

        p2.Status.Should().Be(FindingStatus.ExceptionApplies);
        p2.Unknowns.Should().BeEmpty();
    }

    [Fact]
    public void Evaluate_OmittedEnumerationField_IsUndeterminedNamingTheField()
    {
        // Before: an omitted 'specificity' was absent, so E2a's "t.specificity == 'specific'" was silently no.
        var yaml = ScenarioText("p2-specific-threat-exception-applies.yaml").Replace("    specificity: specific\n", string.Empty, StringComparison.Ordinal);

        var p2 = Evaluate(yaml).For("P2").Single();

        p2.Status.Should().Be(FindingStatus.Undetermined);
        p2.Unknowns.Should().Equal("threat t-1: specificity");
    }

    [Fact]
    public void Evaluate_OmittedReferenceWithNoneDefault_ReadsNoneAndTheReportListsIt()
    {
        var report = Evaluate(ScenarioText("p2-specific-threat-exception-applies.yaml"));

        report.For("P2").Single().Status.Should().Be(FindingStatus.ExceptionApplies);
        report.DefaultsApplied.Should().Contain(new AppliedDefault("action", "act-1", "compelledBy", FieldDefault.None));
        OrdinanceJson.Report(report).DefaultsApplied.Should().ContainEquivalentOf(new AppliedDefaultJson("action", "act-1", "compelledBy", "none"));
    }

    [Fact]
    public void Evaluate_OmittedReferenceWithoutDefault_IsUndeterminedNamingTheField()
    {
        // Before: an act with no 'agency' was silently not RPPD's, so P2 was NotApplicable.
        var yaml = ScenarioText("p2-specific-threat-exception-applies.yaml").Replace("    agency: RPPD\n    kind: on-site-backup\n", "    kind: on-site-backup\n", StringComparison.Ordinal);

        var p2 = Evaluate(yaml).For("P2").Single();

        p2.Status.Should().Be(FindingStatus.Undetermined);
        p2.Unknowns.Should().Contain("action act-1: agency");
    }

    [Fact]
    public void Evaluate_ReferenceStatedNone_IsKnownToBeAbsent()
    {
        // An act that helped no one says so: beneficiary none. P2 (breached only by help to ICE) is then Complied.
        var yaml = ScenarioText("p2-specific-threat-exception-applies.yaml").Replace("    beneficiary: ICE-ERO\n", "    beneficiary: none\n", StringComparison.Ordinal);

        var report = Evaluate(yaml);

        report.For("P2").Single().Status.Should().Be(FindingStatus.Complied);
        report.DefaultsApplied.Should().NotContain(d => d.Field == "beneficiary");
    }

    [Fact]
    public void ParseScenario_NoneInAYesNoField_IsAnError()
    {
        var yaml = ScenarioText("p2-specific-threat-exception-applies.yaml").Replace("    voluntary: yes\n", "    voluntary: none\n", StringComparison.Ordinal);

        var result = OrdinanceYaml.ParseScenario(yaml, "scenario.yaml", RoelandPark.Value.Ordinance);

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("'voluntary' of action act-1 is yes/no, which is yes, no or unknown, never none: write no if the answer is no");
    }

    [Fact]
    public void Evaluate_EnumerationDefault_ReadsTheValueAndTheReportListsIt()
    {
        var vocabulary = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              notice:
                fields:
                  audience: { type: enumeration, values: [public, private], default: public }
                  channels: { type: set, values: [web, mail], default: none }
            """, "v.yaml").GetValueOrThrow();
        vocabulary.TryGetType("notice", out var notice).Should().BeTrue();

        notice!.Fields.Select(f => f.Default).Should().Equal(FieldDefault.Enumeration("public"), FieldDefault.None);
    }

    [Theory]
    [InlineData("{ type: text, default: no }", "5:37", "'default' in field 'thing.label' must be none (no value) for a text field, not 'no'; did you mean 'none'?")]
    [InlineData("{ type: instant, default: None }", "5:40", "'default' in field 'thing.label' must be none (no value) for an instant field, not 'None'; did you mean 'none'?")]
    [InlineData("{ type: enumeration, values: [public, private], default: Public }", "5:71", "'default' in field 'thing.label' must be none or one of its values for an enumeration field, not 'Public'; did you mean 'public'?")]
    public void ParseVocabulary_DefaultThatDoesNotFitTheKind_IsAnErrorAtTheValue(string field, string at, string message)
    {
        var result = OrdinanceYaml.ParseVocabulary($"""
            vocabulary: v
            types:
              thing:
                fields:
                  label: {field}
            """, "v.yaml");

        TestFiles.Single(result).Should().Be((YamlDiagnosticCodes.InvalidValue, at, message));
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
        thing!.Fields.Select(f => f.Default).Should().Equal(FieldDefault.YesNo(false), null);
    }
}
