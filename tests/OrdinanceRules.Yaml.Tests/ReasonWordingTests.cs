using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>A reason says the prohibited conduct occurred only when it is known to have occurred; evaluated through NRules.</summary>
public class ReasonWordingTests
{
    private static readonly Lazy<CompiledOrdinance> RoelandPark = new(() =>
        OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml")).GetValueOrThrow()));

    private static Finding P2(string yaml)
    {
        var ordinance = RoelandPark.Value;
        return ordinance.Evaluate(OrdinanceYaml.ParseScenario(yaml, "scenario.yaml", ordinance.Ordinance).GetValueOrThrow()).For("P2").Single();
    }

    private static string ThreatUnknown() =>
        File.ReadAllText(Repository.PathOf("samples", "scenarios", "roeland-park", "p2-threat-specificity-unknown-undetermined.yaml"));

    [Fact]
    public void Reason_BreachAndExceptionBothUnknown_DoesNotSayTheConductOccurred()
    {
        var finding = P2(ThreatUnknown().Replace("    beneficiary: ICE-ERO\n", "    beneficiary: unknown\n", StringComparison.Ordinal));

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Unknowns.Should().BeEquivalentTo("action act-1: beneficiary", "threat t-1: specificity");
        finding.Reason.Should().NotContain("occurred");
        finding.Reason.Should().Be(
            "Whether action act-1 breached the provision cannot be determined, nor whether an exception applies: it depends on action act-1: beneficiary; threat t-1: specificity.");
    }

    [Fact]
    public void Reason_OnlyTheExceptionUnknown_SaysTheConductOccurred()
    {
        var finding = P2(ThreatUnknown());

        finding.Status.Should().Be(FindingStatus.Undetermined);
        finding.Reason.Should().StartWith("The prohibited conduct occurred (action act-1), but whether an exception applies cannot be determined");
    }
}
