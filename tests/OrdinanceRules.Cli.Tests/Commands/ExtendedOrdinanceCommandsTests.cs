namespace OrdinanceRules.Cli.Tests.Commands;

/// <summary>readings, check, explain and test on an ordinance that extends another (Kansas City, Kansas, extending the ACLU of Kansas model).</summary>
public class ExtendedOrdinanceCommandsTests
{
    private static string Root => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Samples.Ordinance)))!;

    private static string KansasCity => Path.Combine(Root, "samples", "ordinances", "kansas-city-ks.yaml");

    private static string Scenario => Path.Combine(Root, "samples", "scenarios", "kansas-city-ks", "kck-detainer-hold-violated.yaml");

    [Fact]
    public void Readings_ExtendedOrdinance_ListsItsParametersWithWhoSetThem()
    {
        var result = Cli.Run("readings", KansasCity);

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Should().Contain("Parameters (fixed by the ordinance; --reading does not change them):")
            .And.Contain(l => l.StartsWith("    police = [KCKPD, PD] (set by Unified Government", StringComparison.Ordinal) && l.EndsWith("default of ACLU of Kansas Safe & Welcoming model rules (reconstructed): [PD])", StringComparison.Ordinal))
            .And.Contain("    judicial-warrant-exception = yes (default of ACLU of Kansas Safe & Welcoming model rules (reconstructed))");
    }

    [Fact]
    public void Readings_ExtendedOrdinanceAsJson_ListsItsParameters()
    {
        var result = Cli.Run("readings", KansasCity, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var police = json.RootElement.GetProperty("parameters").EnumerateArray().First();
        (police.GetProperty("name").GetString(), police.GetProperty("type").GetString(), police.GetProperty("value").GetString(), police.GetProperty("default").GetString())
            .Should().Be(("police", "text-list", "[KCKPD, PD]", "[PD]"));
    }

    [Fact]
    public void Check_ExtendedOrdinance_ShowsTheCitysSectionAndTheModelsOrigin()
    {
        var result = Cli.Run("check", KansasCity, Scenario);

        result.ExitCode.Should().Be(CliApp.Violation, result.Errors);
        result.OutputLines.Should().Contain(l => l.StartsWith(" VIOLATED  K2 UG Act (resources) ", StringComparison.Ordinal))
            .And.Contain("    From ACLU of Kansas Safe & Welcoming model rules (reconstructed), Model Rule K2.");
    }

    [Fact]
    public void Explain_ExtendedOrdinance_ExplainsAModelProvision()
    {
        var result = Cli.Run("explain", KansasCity, Scenario, "--provision", "K2");

        result.ExitCode.Should().NotBe(CliApp.BadInput, result.Errors);
        result.Output.Should().Contain("K2").And.Contain("violated");
    }

    [Fact]
    public void Test_ExtendedOrdinancesSuite_PassesAtFullCoverage()
    {
        var result = Cli.Run("test", Path.Combine(Root, "samples", "tests", "kansas-city-ks"), "--allow-outside", "--coverage", "--min-coverage", "100");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors + result.Output);
        result.Output.Should().Contain("Coverage: 18 of 18 outcomes (100.0%)");
    }
}
