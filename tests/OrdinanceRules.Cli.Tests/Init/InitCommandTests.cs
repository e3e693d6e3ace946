namespace OrdinanceRules.Cli.Tests.Init;

public class InitCommandTests
{
    [Fact]
    public void Init_NewFolder_WritesFilesThatValidateAndASuiteThatPasses()
    {
        using var temp = new TempFolder();
        var city = temp["overland-park"];

        var init = Cli.Run("init", city);

        init.ExitCode.Should().Be(CliApp.Ok, init.Errors);
        init.Output.Should().Contain("for Overland Park, Kansas").And.Contain("ordinance validate");
        File.Exists(Path.Combine(city, "overland-park.yaml")).Should().BeTrue();
        File.Exists(Path.Combine(city, ".vscode", "settings.json")).Should().BeTrue();
        File.ReadAllText(Path.Combine(city, "overland-park.yaml")).Should().Contain("types:", "the ordinance carries the vocabulary extension stub");

        // Run, as the next steps say, from the folder that holds the city's folder.
        var validate = Cli.RunIn(temp.Path, "validate", city);
        validate.ExitCode.Should().Be(CliApp.Ok, validate.Errors);
        validate.OutputLines.Last().Should().Be("4 files: 4 valid, 0 with problems.");

        var test = Cli.RunIn(temp.Path, "test", Path.Combine(city, "tests"));
        test.ExitCode.Should().Be(CliApp.Ok, test.Output + test.Errors);
        test.Output.Should().Contain("2 cases: 2 passed, 0 failed");

        var check = Cli.Run("check", Path.Combine(city, "overland-park.yaml"), Path.Combine(city, "scenarios", "detainer-hold-violated.yaml"));
        check.ExitCode.Should().Be(CliApp.Violation);
        check.Output.Should().Contain("Overland Park").And.Contain("VIOLATED");
    }

    [Fact]
    public void Init_NameStateAndZone_AreWrittenIntoTheOrdinance()
    {
        using var temp = new TempFolder();
        var city = temp["kcmo"];

        var init = Cli.Run("init", city, "--name", "Kansas City", "--state", "Missouri", "--time-zone", "America/Chicago");

        init.ExitCode.Should().Be(CliApp.Ok, init.Errors);
        var ordinance = File.ReadAllText(Path.Combine(city, "kcmo.yaml"));
        ordinance.Should().Contain("  name: Kansas City\n").And.Contain("  state: Missouri\n").And.Contain("binds: Kansas City Police Department");
        Cli.RunIn(temp.Path, "validate", city).ExitCode.Should().Be(CliApp.Ok);
    }

    [Fact]
    public void Init_FolderThatHoldsFiles_RefusesAndWritesNothing()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["notes.txt"], "mine");

        var init = Cli.Run("init", temp.Path);

        init.ExitCode.Should().Be(CliApp.BadInput);
        init.Errors.Should().Contain("error OR5401").And.Contain("already exists and is not an empty folder");
        Directory.GetFiles(temp.Path).Should().ContainSingle();
    }

    [Theory]
    [InlineData("--time-zone", "Central", "is not an IANA time zone")]
    [InlineData("--name", "Overland: Park", "cannot take as written")]
    public void Init_BadOption_IsBadInputNamingIt(string option, string value, string message)
    {
        using var temp = new TempFolder();

        var init = Cli.Run("init", temp["city"], option, value);

        init.ExitCode.Should().Be(CliApp.BadInput);
        init.Errors.Should().Contain("error OR5000").And.Contain(message);
        Directory.Exists(temp["city"]).Should().BeFalse();
    }

    [Theory]
    [InlineData("overland-park", "Overland Park")]
    [InlineData("lees_summit", "Lees Summit")]
    [InlineData("olathe", "Olathe")]
    public void NameOf_FolderName_CapitalisesEachWord(string slug, string name) =>
        OrdinanceRules.Cli.Init.InitCommand.NameOf(slug).Should().Be(name);
}
