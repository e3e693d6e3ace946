namespace OrdinanceRules.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public void Run_InvalidFormat_ExitsTwoWithOneLine()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), "--format", "xml");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().Equal("error OR5000: --format must be text or json, not 'xml'");
    }

    [Fact]
    public void Run_UnknownOption_ExitsTwoWithOneLine()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), "--verbose");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Output.Should().BeEmpty();
        result.ErrorLines.Should().Equal("error OR5000: Unknown option 'verbose'.");
    }

    [Fact]
    public void Run_MissingArgument_ExitsTwoWithOneLine()
    {
        var result = Cli.Run("check", Samples.Ordinance);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error OR5000: ").And.Contain("scenarios");
        result.Errors.Should().NotContain("   at ");
    }

    [Fact]
    public void Run_UnknownCommand_ExitsTwoWithOneLine()
    {
        var result = Cli.Run("verify", Samples.Ordinance);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error OR5000: ").And.Contain("verify");
    }

    [Fact]
    public void Run_Version_PrintsTheInformationalVersion()
    {
        var result = Cli.Run("--version");

        result.ExitCode.Should().Be(CliApp.Ok);
        result.Output.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Run_CheckHelp_DescribesTheArgumentsAndOptions()
    {
        var result = Cli.Run("check", "--help");

        result.ExitCode.Should().Be(CliApp.Ok);
        result.Output.Should().Contain("<ordinance>").And.Contain("<scenarios>").And.Contain("--format").And.Contain("--as-of");
    }

    [Theory]
    [InlineData("check", "--law")]
    [InlineData("readings", "<ordinance>")]
    [InlineData("test", "--coverage")]
    [InlineData("compare", "--scenarios")]
    [InlineData("explain", "--provision")]
    [InlineData("what-if", "--set")]
    public void Run_EveryCommandsHelp_PrintsItsOptions(string command, string option)
    {
        var result = Cli.Run(command, "--help");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.Errors.Should().BeEmpty();
        result.Output.Should().Contain(option);
    }
}
