namespace OrdinanceRules.Cli.Tests.Explain;

/// <summary><c>ordinance explain</c>: each finding's reasoning as an indented tree, plain when redirected.</summary>
public class ExplainCommandTests
{
    [Fact]
    public void Explain_DefeatedException_ShowsTheExceptionThatHeldAndWhatItDefeated()
    {
        var result = Cli.Run("explain", Samples.Ordinance, Samples.Scenario("p2-specific-threat-exception-applies"), "--provision", "P2");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var lines = result.OutputLines;
        lines.Should().Contain("P2 (Roeland Park Ordinance 1005, § 3, No police support to ICE for immigration enforcement) for a=action act-1: ExceptionApplies");
        lines.Should().Contain(l => l.StartsWith("  violated-when: ", StringComparison.Ordinal) && l.EndsWith(": yes [held]", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("    E2a Specific threat to public safety (§ 3): ", StringComparison.Ordinal) && l.EndsWith(": holds [held]", StringComparison.Ordinal));
        lines.Should().Contain("      yes for threat t-1 [held]");
        lines.Should().Contain("      E2a (through threat t-1) stands: no exception defeats it [held]");
        lines.Should().Contain("      not tested: the scenario has no crime [failed]");
        lines.Should().Contain("  the breach is defeated by E2a [defeated]");
        lines.Should().Contain("  decided by rule P2/exception-applies");
        lines.Should().NotContain(l => l.StartsWith("P1a ", StringComparison.Ordinal), "--provision P2 shows P2 only");
    }

    [Fact]
    public void Explain_ProvisionThatDidNotApply_SaysWhyNot()
    {
        var result = Cli.Run("explain", Samples.Ordinance, Samples.Scenario("p2-hsi-drug-case-not-applicable"), "--provision", "P2", "--provision", "P3");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var lines = result.OutputLines;
        lines.Should().Contain(l => l.StartsWith("P2 ", StringComparison.Ordinal) && l.EndsWith(": NotApplicable", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("  applies-when: ", StringComparison.Ordinal) && l.EndsWith(": no, so the provision does not apply [failed]", StringComparison.Ordinal));
        lines.Should().Contain("P3 (Roeland Park Ordinance 1005, § 4, Public alert of federal immigration enforcement activity within 48 hours): NotApplicable");
        lines.Should().Contain("  for: the scenario has no awareness [failed]");
    }

    [Fact]
    public void Explain_UnderAHigherLaw_ShowsTheStatuteThatPrevailed()
    {
        var statute = Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "kansas-ksa-12-16-140.yaml");

        var alone = Cli.Run("explain", Samples.Ordinance, Samples.Scenario("stack-p6-status-question-after-ksa-12-16-140"), "--provision", "P6");
        var stacked = Cli.Run("explain", Samples.Ordinance, Samples.Scenario("stack-p6-status-question-after-ksa-12-16-140"), "--provision", "P6", "--law", statute);

        alone.OutputLines.Should().Contain(l => l.StartsWith("P6 ", StringComparison.Ordinal) && l.EndsWith(": Violated", StringComparison.Ordinal));
        stacked.ExitCode.Should().Be(CliApp.Ok, stacked.Errors);
        stacked.OutputLines.Should().Contain(l => l.StartsWith("P6 ", StringComparison.Ordinal) && l.EndsWith(": ExceptionApplies", StringComparison.Ordinal));
        stacked.Output.Should().Contain("KSA-140a-obtain");
    }

    [Fact]
    public void Explain_UnknownProvision_IsBadInput()
    {
        var result = Cli.Run("explain", Samples.Ordinance, Samples.Scenario("p2-specific-threat-exception-applies"), "--provision", "P9");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().StartWith("error OR5202: --provision P9: Roeland Park Ordinance 1005 has no provision 'P9'; its provisions are: P1a, P1b, P2");
    }

    [Fact]
    public void Explain_InATerminal_DrawsATree()
    {
        var result = Cli.Run(Spectre.Console.AnsiSupport.Yes, "explain", Samples.Ordinance, Samples.Scenario("p2-specific-threat-exception-applies"), "--provision", "P2");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.Output.Should().Contain("└── ").And.Contain("yes for threat t-1");
    }
}
