using OrdinanceRules.Yaml;
using Spectre.Console;

namespace OrdinanceRules.Cli.Tests.Rendering;

public class ReportRendererTests
{
    private static readonly Dictionary<FindingStatus, string> Badges = new()
    {
        [FindingStatus.Violated] = "VIOLATED",
        [FindingStatus.Complied] = "COMPLIED",
        [FindingStatus.ExceptionApplies] = "EXCEPTION APPLIES",
        [FindingStatus.NotApplicable] = "NOT APPLICABLE",
        [FindingStatus.Pending] = "PENDING",
        [FindingStatus.Undetermined] = "UNDETERMINED",
    };

    [Theory]
    [InlineData("p2-specific-threat-exception-applies")]
    [InlineData("p2-threat-specificity-unknown-undetermined")]
    [InlineData("p3-no-notice-yet-pending")]
    [InlineData("p1a-ordered-traffic-control-violated")]
    public void Render_SampleScenario_NamesEachProvisionWithItsStatusAndReason(string name)
    {
        var report = Evaluate(name);

        var lines = Cli.Run("check", Samples.Ordinance, Samples.Scenario(name)).OutputLines;

        foreach (var finding in report.Findings)
        {
            var heading = Array.FindIndex(lines, l => l.StartsWith($" {Badges[finding.Status]}  {finding.ProvisionId} {finding.Section} {finding.Title}", StringComparison.Ordinal));
            heading.Should().BeGreaterThanOrEqualTo(0, "a line names {0} and its status {1}", finding.ProvisionId, finding.Status);
            lines[heading + 1].Should().Be("    " + finding.Reason);
        }
    }

    [Fact]
    public void Render_UndeterminedFinding_ListsWhatIsMissing()
    {
        var lines = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-threat-specificity-unknown-undetermined")).OutputLines;

        lines.Should().Contain("    Missing: threat t-1: specificity");
    }

    [Fact]
    public void Render_ConsoleWithoutAnsi_WritesPlainUnwrappedText()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"));

        result.Output.Should().NotContain("\u001b[");
        result.OutputLines.Should().NotContain(l => l.EndsWith(' '));
        result.OutputLines.Should().Contain(l => l.StartsWith("Note: The enacted text", StringComparison.Ordinal) && l.EndsWith("are undetermined (I-12).", StringComparison.Ordinal));
        result.OutputLines[0].Should().HaveLength(80, "the rule over a report stays 80 columns however wide the output");
    }

    [Fact]
    public void Render_ConsoleWithAnsi_ColoursTheStatus()
    {
        var result = Cli.Run(AnsiSupport.Yes, "check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"));

        result.ExitCode.Should().Be(CliApp.Violation);
        result.Output.Should().Contain("\u001b[").And.Contain(" VIOLATED ");
    }

    private static ComplianceReport Evaluate(string name)
    {
        var ordinance = OrdinanceCompiler.TryCompile(OrdinanceYaml.LoadOrdinance(Samples.Ordinance).GetValueOrThrow()).GetValueOrThrow();
        var scenario = OrdinanceYaml.LoadScenario(Samples.Scenario(name), ordinance.Ordinance).GetValueOrThrow();
        return ordinance.Evaluate(scenario, scenario.AsOf!.Value);
    }
}
