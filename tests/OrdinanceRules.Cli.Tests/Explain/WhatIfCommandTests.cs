namespace OrdinanceRules.Cli.Tests.Explain;

/// <summary><c>ordinance what-if</c>: each unknown of an undetermined finding tried, and <c>--set</c> changes shown before and after.</summary>
public class WhatIfCommandTests
{
    private const string Undetermined = "p2-threat-specificity-unknown-undetermined";

    [Fact]
    public void WhatIf_UndeterminedFinding_ShowsTheOutcomeUnderEachValueOfTheUnknown()
    {
        var result = Cli.Run("what-if", Samples.Ordinance, Samples.Scenario(Undetermined));

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().ContainInOrder(
            "P2 (a=act-1): Undetermined",
            "  threat t-1: specificity",
            "    if specific: ExceptionApplies: The prohibited conduct occurred (action act-1), but exception E2a (§ 3, Specific threat to public safety) applies through threat t-1.",
            "    if general: Violated: The prohibited conduct occurred (action act-1), and no exception applies.");
        result.Output.Should().NotContain("imminent", "E2a does not test t-1.imminent, so no finding depends on it");
    }

    [Fact]
    public void WhatIf_Set_ShowsTheFindingThatChangedBeforeAndAfter()
    {
        var result = Cli.Run("what-if", Samples.Ordinance, Samples.Scenario(Undetermined), "--set", "t-1.specificity=general");

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.OutputLines.Should().ContainInOrder(
            "With t-1.specificity=general:",
            "P2 (a=act-1): Undetermined -> Violated",
            "  before: The prohibited conduct occurred (action act-1), but whether an exception applies cannot be determined: it depends on threat t-1: specificity.",
            "  after:  The prohibited conduct occurred (action act-1), and no exception applies.");
        result.OutputLines.Should().NotContain(l => l.StartsWith("P1a", StringComparison.Ordinal), "findings that did not change are not listed");
    }

    [Fact]
    public void WhatIf_SetThatChangesNothing_SaysSo()
    {
        var result = Cli.Run("what-if", Samples.Ordinance, Samples.Scenario(Undetermined), "--set", "t-1.imminent=yes");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain("No finding changes.");
    }

    [Theory]
    [InlineData("t-1.specificity=vague", "error OR5201: --set t-1.specificity=vague: 't-1.specificity' is 'vague', which is not one of: specific, general")]
    [InlineData("t-9.specificity=general", "error OR5201: --set t-9.specificity=general: the scenario has no fact 't-9'; did you mean 't-1'?")]
    [InlineData("t-1.specifity=general", "error OR5201: --set t-1.specifity=general: fact type 'threat' has no field 'specifity'; did you mean 'specificity'?")]
    [InlineData("specificity=general", "error OR5201: --set 'specificity=general': give fact.field=value, such as t-1.specificity=specific")]
    [InlineData("t-1.articulableFacts=maybe", "error OR5201: --set t-1.articulableFacts=maybe: 't-1.articulableFacts' needs yes or no, not 'maybe'")]
    public void WhatIf_BadSet_IsBadInputWithAClearMessage(string set, string error)
    {
        var result = Cli.Run("what-if", Samples.Ordinance, Samples.Scenario(Undetermined), "--set", set);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().Equal(error);
        result.Output.Should().BeEmpty();
    }
}
