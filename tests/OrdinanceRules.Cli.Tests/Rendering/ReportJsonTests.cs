using System.Text.Json;

namespace OrdinanceRules.Cli.Tests.Rendering;

public class ReportJsonTests
{
    [Fact]
    public void Write_SampleScenarios_EveryFindingHasAKebabCaseStatus()
    {
        var result = Cli.Run("check", Samples.Ordinance,
            Samples.Scenario("p2-specific-threat-exception-applies"),
            Samples.Scenario("p3-no-notice-yet-pending"),
            Samples.Scenario("p2-threat-specificity-unknown-undetermined"),
            "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        using var json = JsonDocument.Parse(result.Output);
        var findings = json.RootElement.GetProperty("reports").EnumerateArray().SelectMany(r => r.GetProperty("findings").EnumerateArray()).ToList();
        findings.Should().HaveCount(24);
        var statuses = findings.Select(f => f.GetProperty("status").GetString()).ToList();
        statuses.Should().AllSatisfy(s => s.Should().MatchRegex("^[a-z]+(-[a-z]+)*$"));
        statuses.Distinct().Should().BeEquivalentTo("exception-applies", "not-applicable", "pending", "undetermined");
    }

    [Fact]
    public void Write_ExceptionApplies_NamesTheExceptionAndItsFacts()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-specific-threat-exception-applies"), "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        var report = json.RootElement.GetProperty("reports")[0];
        report.GetProperty("hasViolations").GetBoolean().Should().BeFalse();
        report.GetProperty("timeZone").GetString().Should().Be("America/Chicago");
        var p2 = report.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("provision").GetString() == "P2");
        p2.GetProperty("status").GetString().Should().Be("exception-applies");
        p2.GetProperty("modality").GetString().Should().Be("prohibition");
        var exception = p2.GetProperty("exceptions").EnumerateArray().Should().ContainSingle().Subject;
        exception.GetProperty("id").GetString().Should().Be("E2a");
        exception.GetProperty("facts")[0].GetProperty("id").GetString().Should().Be("t-1");
    }

    [Fact]
    public void Write_Json_KeepsSectionSignsAndApostrophesReadable()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), "--format", "json");

        result.Output.Should().Contain("\"section\": \"§ 3\"").And.Contain("the City's").And.NotContain("\\u00A7");
    }

    [Fact]
    public void Write_Json_ContainsNoAnsiEscapesEvenOnAColourConsole()
    {
        var result = Cli.Run(Spectre.Console.AnsiSupport.Yes, "check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), "--format", "json");

        result.Output.Should().NotContain("\u001b[");
        JsonDocument.Parse(result.Output).Dispose();
    }
}
