namespace OrdinanceRules.Cli.Tests.Serve;

/// <summary><c>ordinance serve</c>'s start-up problems; the running service is tested over HTTP in OrdinanceRules.Server.Tests and by docs/service.md.</summary>
public class ServeCommandTests
{
    [Fact]
    public void Serve_FolderWithoutOrdinances_IsBadInputNamingTheFolder()
    {
        using var folder = new TempFolder();

        var result = Cli.Run("serve", "--ordinances", folder.Path, "--port", "0");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain("error OR5501: ").And.Contain("holds no ordinance file");
    }

    [Fact]
    public void Serve_NoFolder_IsACommandLineProblem()
    {
        var result = Cli.Run("serve");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain("--ordinances is required");
    }
}
