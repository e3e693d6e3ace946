using OrdinanceRules.Diagnostics;
using OrdinanceRules.Explanations;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// Values in a scenario, read under the Roeland Park ordinance's bundled vocabulary: a near-miss value gets a
/// suggestion as a near-miss name does, and a sensitive field's value is never quoted in a problem unless asked.
/// </summary>
public class ScenarioValueTests
{
    private static readonly Model.Ordinance RoelandPark =
        OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow();

    private static Result<Scenario> Parse(string facts, bool showSensitive = false) =>
        OrdinanceYaml.ParseScenario("scenario: S\nfacts:\n" + facts, "s.yaml", RoelandPark, new YamlReadOptions { ShowSensitive = showSensitive });

    [Theory]
    [InlineData("audience: Public", "4:15", "'n-1.audience' is 'Public', which is not one of: public, targeted-individuals, internal; did you mean 'public'?")]
    [InlineData("channel: city_website", "4:14", "'n-1.channel' is 'city_website', which is not one of: city-website, social-media, press-release, alert-system, phone-to-individual, letter-to-individual, internal-email, other; did you mean 'city-website'?")]
    public void ParseScenario_NearMissValue_SuggestsTheValue(string field, string where, string message)
    {
        TestFiles.Single(Parse($"  - notice: n-1\n    {field}\n"))
            .Should().Be((DiagnosticCodes.InvalidFact, where, message));
    }

    [Fact]
    public void ParseScenario_NearMissInASet_SuggestsTheValue()
    {
        TestFiles.Single(Parse("  - action: a-1\n    purposes: [civil_immigration]\n"))
            .Message.Should().EndWith("did you mean 'civil-immigration'?");
    }

    [Fact]
    public void ParseScenario_BadValueOfASensitiveField_IsNotQuotedAndNotSuggested()
    {
        TestFiles.Single(Parse("  - person: per-1\n    immigrationStatus: no_status\n")).Should().Be((
            DiagnosticCodes.InvalidFact,
            "4:24",
            "'per-1.immigrationStatus' is [sensitive], which is not one of: us-citizen, lawful-permanent-resident, nonimmigrant, refugee-or-asylee, tps, daca, pending-application, no-status, other (the value of a sensitive field is not shown; ShowSensitive() on the builder, or --show-sensitive on the command line, shows it)"));
    }

    [Fact]
    public void ParseScenario_BadValueOfASensitiveFieldShown_IsQuotedWithASuggestion()
    {
        TestFiles.Single(Parse("  - person: per-1\n    immigrationStatus: no_status\n", showSensitive: true))
            .Message.Should().Be("'per-1.immigrationStatus' is 'no_status', which is not one of: us-citizen, lawful-permanent-resident, nonimmigrant, refugee-or-asylee, tps, daca, pending-application, no-status, other; did you mean 'no-status'?");
    }

    [Fact]
    public void ParseOrdinance_QuotedYesInAYesNoKey_SaysToDropTheQuotes()
    {
        var result = OrdinanceYaml.ParseOrdinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            amendments:
              - { id: A1, title: T, affects: [P1], text-known: "yes" }
            vocabulary: { uses: immigration-cooperation }
            provisions: []
            """, "test.yaml");

        result.Diagnostics.Select(d => d.Message).Should().Contain("'text-known' in amendment 'A1' must be yes or no, not 'yes'; \"yes\" in quotes is text: drop the quotes");
    }

    [Fact]
    public void WhatIfUnknowns_SensitiveUnknown_IsTriedOnlyWhenTheOptionsShowSensitiveValues()
    {
        var ordinance = OrdinanceCompiler.Compile(OrdinanceYaml.ParseOrdinance("""
            ordinance: "9"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: immigration-cooperation }
            provisions:
              - id: S1
                section: "§ 1"
                title: No arrest for lack of status
                text: No arrest for lack of status.
                modality: prohibition
                binds: Town
                for: { a: action }
                violated-when: a.subject.immigrationStatus == 'no-status'
            """, "status.yaml").GetValueOrThrow());
        var scenario = OrdinanceYaml.ParseScenario(
            "scenario: S\nfacts:\n  - person: per-1\n    immigrationStatus: unknown\n  - action: act-1\n    subject: per-1\n", "s.yaml", ordinance.Ordinance).GetValueOrThrow();
        var asOf = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(-5));

        var hidden = WhatIf.Unknowns(ordinance, scenario, asOf).Should().ContainSingle().Subject;
        var shown = WhatIf.Unknowns(ordinance, scenario, asOf, new EvaluationOptions { ShowSensitive = true }).Should().ContainSingle().Subject;

        hidden.Unknown.Should().Be("person per-1: immigrationStatus");
        hidden.Redacted.Should().BeTrue();
        hidden.Tried.Should().BeEmpty();
        shown.Redacted.Should().BeFalse();
        shown.Tried.Single(t => t.Value == "no-status").After!.Status.Should().Be(FindingStatus.Violated);
        shown.Tried.Single(t => t.Value == "daca").After!.Status.Should().Be(FindingStatus.Complied);
    }
}
