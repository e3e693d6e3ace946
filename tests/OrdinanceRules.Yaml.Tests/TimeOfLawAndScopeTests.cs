using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// Time of law and scope combine in Kleene logic: a provision whose applies-when is no for a subject is not applicable
/// even when whether the law was in force is unknown (no and unknown is no); when applies-when is yes, the unknown
/// time of law still leaves the finding undetermined.
/// </summary>
public class TimeOfLawAndScopeTests
{
    [Fact]
    public void Evaluate_InForceUnknownAndAppliesWhenNo_IsNotApplicable()
    {
        var report = EvaluateDeclineUnderPublicationUnknown(explain: true);

        var p1b = report.Findings.Single(f => f.ProvisionId == "P1b");
        p1b.Status.Should().Be(FindingStatus.NotApplicable);
        p1b.Reason.Should().Be("The provision does not apply to action act-1, request req-1: its applies-when conditions are not met.");
        p1b.Unknowns.Should().BeEmpty();
        var lines = report.Explanations.Single(e => e.Finding.ProvisionId == "P1b").Root.ToString().Split('\n');
        lines.Should().Contain(l => l.StartsWith("  in force at the event's time: unknown, depends on the effective date of Roeland Park Ordinance 1005 is unknown", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("  applies-when: ", StringComparison.Ordinal) && l.EndsWith(": no, so the provision does not apply [failed]", StringComparison.Ordinal));
        lines.Should().Contain("  decided by rule P1b/not-applicable");
    }

    [Fact]
    public void Evaluate_InForceUnknownAndAppliesWhenYes_StaysUndetermined()
    {
        var report = EvaluateDeclineUnderPublicationUnknown(explain: false);

        var p1a = report.Findings.Single(f => f.ProvisionId == "P1a");
        p1a.Status.Should().Be(FindingStatus.Undetermined);
        p1a.Reason.Should().StartWith("Cannot be determined whether the provision was in force when action act-1, request req-1 happened");
    }

    [Theory]
    [InlineData("[criminal-other]", FindingStatus.NotApplicable)]
    [InlineData("[civil-immigration, public-safety]", FindingStatus.Undetermined)]
    public void Evaluate_EventUnderAnAmendmentOfUnknownText_IsNotApplicableWhenAppliesWhenIsNo(string purposes, FindingStatus expected)
    {
        // From 1 Jul 2022 the amendment A2022, whose text is unknown, governs P2: whether P2 is in force is unknown.
        // An act for another crime's purpose is outside P2 whatever the amended text says (no and unknown is no).
        var yaml = File.ReadAllText(Repository.PathOf("samples", "scenarios", "roeland-park", "p2-specific-threat-exception-applies.yaml"))
            .Replace("2021-07-", "2022-08-", StringComparison.Ordinal)
            .Replace("purposes: [civil-immigration, public-safety]", $"purposes: {purposes}", StringComparison.Ordinal);
        var ordinance = OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow();
        var compiled = OrdinanceCompiler.Compile(ordinance);

        var p2 = compiled.Evaluate(OrdinanceYaml.ParseScenario(yaml, "scenario.yaml", compiled.Ordinance).GetValueOrThrow()).Findings.Single(f => f.ProvisionId == "P2");

        p2.Status.Should().Be(expected);
        if (expected == FindingStatus.NotApplicable)
        {
            p2.Unknowns.Should().BeEmpty();
        }
    }

    private static ComplianceReport EvaluateDeclineUnderPublicationUnknown(bool explain)
    {
        var ordinance = OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow();
        var compiled = OrdinanceCompiler.Compile(ordinance);
        var scenario = OrdinanceYaml.LoadScenario(Repository.PathOf("samples", "scenarios", "roeland-park", "p1a-decline-transport-complied.yaml"), compiled.Ordinance).GetValueOrThrow();
        return compiled.Evaluate(scenario, EvaluationOptions.Default.WithReading("rp-in-force", "publication-unknown") with { Explain = explain });
    }
}
