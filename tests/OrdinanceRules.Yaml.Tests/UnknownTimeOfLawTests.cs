using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>
/// An unknown time of law does not hide an outcome that is the same at every possible time: where a provision applies
/// but whether it was in force is unknown (the event's time, or the effective date, is unknown) and, had it been, its
/// text is the one compiled, the breach is claimed tentatively and weighed. An exception that holds whatever the time
/// gives ExceptionApplies, a breach that did not occur Complied; an exception that itself turns on the unknown time
/// stays unknown, and a period of unknown text (an amendment) keeps the finding undetermined.
/// </summary>
public class UnknownTimeOfLawTests
{
    private const string Start = "start: 2021-06-15T08:00:00-05:00";

    [Fact]
    public void Evaluate_EventTimeUnknownAndAnExceptionThatIgnoresTheTime_ExceptionApplies()
    {
        var p4b = Finding(RoelandPark(), "p4b-arrest-time-unknown-exception-applies.yaml", "P4b");

        p4b.Status.Should().Be(FindingStatus.ExceptionApplies);
        p4b.Exceptions.Select(e => e.Id).Should().Equal("E4b");
        p4b.Unknowns.Should().BeEmpty();
        p4b.Reason.Should().EndWith("Whether the provision was in force at the event's time is unknown (action act-1: start), but no breach follows either way.");
    }

    [Theory]
    [InlineData("basedOnImmigrationStatus: yes", "basedOnImmigrationStatus: no", FindingStatus.Complied)]
    [InlineData("distinctionRequiredByLaw: yes", "distinctionRequiredByLaw: no", FindingStatus.Undetermined)]
    [InlineData("distinctionRequiredByLaw: yes", "distinctionRequiredByLaw: unknown", FindingStatus.Undetermined)]
    public void Evaluate_EventTimeUnknown_SettlesOnlyWhatEveryTimeSettles(string from, string to, FindingStatus expected)
    {
        var p4b = Finding(RoelandPark(), "p4b-arrest-time-unknown-exception-applies.yaml", "P4b", from, to);

        p4b.Status.Should().Be(expected);
        if (expected == FindingStatus.Undetermined)
        {
            p4b.Unknowns.Should().Contain("action act-1: start");
        }
        else
        {
            p4b.Unknowns.Should().BeEmpty();
        }
    }

    [Fact]
    public void Evaluate_EventTimeUnknownAndAnExceptionThatTurnsOnIt_StaysUndetermined()
    {
        // Without the amendment of unknown text, P2 is as written at every time after adoption. E2a asks whether the threat
        // was live when the act began (within(a.start, ...)): with the start unknown, so is E2a, exactly.
        var p2 = Finding(WithoutAmendment(), "p2-specific-threat-exception-applies.yaml", "P2", "start: 2021-07-08T06:20:00-05:00", "start: unknown");

        p2.Status.Should().Be(FindingStatus.Undetermined);
        p2.Unknowns.Should().Equal("action act-1: start");
    }

    [Fact]
    public void Evaluate_EventTimeUnknownAndACompellingCourtOrder_ExceptionApplies()
    {
        var p2 = Finding(WithoutAmendment(), "stack-p2-court-order-compels-transport.yaml", "P2", Start, "start: unknown");

        p2.Status.Should().Be(FindingStatus.ExceptionApplies);
        p2.Exceptions.Select(e => e.Id).Should().Equal("E2c");
    }

    [Fact]
    public void Evaluate_EventTimeUnknownUnderAnAmendmentOfUnknownText_StaysUndetermined()
    {
        // A2022's text is unknown and governs P2 from 1 Jul 2022: at such a time, whether E2c is still an exception is unknown.
        var p2 = Finding(RoelandPark(), "stack-p2-court-order-compels-transport.yaml", "P2", Start, "start: unknown");

        p2.Status.Should().Be(FindingStatus.Undetermined);
        p2.Reason.Should().StartWith("Cannot be determined whether the provision was in force when action act-1 happened");
    }

    [Theory]
    [InlineData("p1a-decline-transport-complied.yaml", "P2", FindingStatus.Complied)]
    [InlineData("p6-consular-notification-exception-applies.yaml", "P6", FindingStatus.ExceptionApplies)]
    [InlineData("p6-booking-status-asked-violated.yaml", "P6", FindingStatus.Undetermined)]
    public void Evaluate_EffectiveDateUnknown_WeighsTheBreach(string scenario, string provision, FindingStatus expected)
    {
        var compiled = OrdinanceCompiler.Compile(RoelandPark());
        var loaded = OrdinanceYaml.LoadScenario(Repository.PathOf("samples", "scenarios", "roeland-park", scenario), compiled.Ordinance).GetValueOrThrow();

        var report = compiled.Evaluate(loaded, EvaluationOptions.Default.WithReading("rp-in-force", "publication-unknown") with { Explain = true });

        var finding = report.Findings.Single(f => f.ProvisionId == provision);
        finding.Status.Should().Be(expected);
        var lines = report.Explanations.Single(e => e.Finding == finding).Root.ToString().Split('\n');
        lines.Should().Contain(l => l.StartsWith("  in force at the event's time: unknown, depends on the effective date of Roeland Park Ordinance 1005 is unknown", StringComparison.Ordinal));
    }

    private static Model.Ordinance RoelandPark() =>
        OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow();

    private static Model.Ordinance WithoutAmendment()
    {
        var path = Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml");
        var yaml = File.ReadAllText(path).Replace("    affects: [P2, P3]", "    affects: [P3]", StringComparison.Ordinal);
        return OrdinanceYaml.ParseOrdinance(yaml, path).GetValueOrThrow();
    }

    private static Finding Finding(Model.Ordinance ordinance, string scenario, string provision, string? from = null, string? to = null)
    {
        var compiled = OrdinanceCompiler.Compile(ordinance);
        var yaml = File.ReadAllText(Repository.PathOf("samples", "scenarios", "roeland-park", scenario));
        if (from is not null)
        {
            yaml.Should().Contain(from);
            yaml = yaml.Replace(from, to, StringComparison.Ordinal);
        }

        var loaded = OrdinanceYaml.ParseScenario(yaml, Repository.PathOf("samples", "scenarios", "roeland-park", scenario), compiled.Ordinance).GetValueOrThrow();
        return compiled.Evaluate(loaded).Findings.Single(f => f.ProvisionId == provision);
    }
}
