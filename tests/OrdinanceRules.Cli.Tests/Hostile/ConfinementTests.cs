using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Tests.Hostile;

/// <summary>
/// The paths a suite or an ordinance writes stay inside a confinement root: the working folder for a file that lies
/// in it, else the file's own folder; <c>--allow-outside</c> lifts the check (docs/decisions/0012).
/// </summary>
public class ConfinementTests
{
    [Fact]
    public void Test_BundledSuite_FromTheRepositoryRoot_PassesWithoutTheFlag()
    {
        var suite = Path.Combine(Samples.Root, "samples", "tests", "roeland-park", "roeland-park.suite.yaml");

        var result = Cli.Run("test", suite);

        result.ExitCode.Should().Be(CliApp.Ok, result.Output + result.Errors);
        result.Errors.Should().NotContain("OR4011");
    }

    [Fact]
    public void Test_SuiteOutsideTheWorkingFolder_NamingItsParentsFile_IsRefusedNamingThePathAndTheFolder()
    {
        using var temp = new TempFolder();
        var suite = SuiteIn(temp, "suites", "../elsewhere.yaml");

        var result = Cli.Run("test", suite);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should()
            .Contain("escape.suite.yaml:2:12: error OR4011:")
            .And.Contain("'../elsewhere.yaml'")
            .And.Contain($"({temp["suites"]})")
            .And.Contain("--allow-outside");
    }

    [Fact]
    public void Test_SuiteInsideTheWorkingFolder_NamingItsParentsFile_Passes()
    {
        using var temp = new TempFolder();
        var suite = SuiteIn(temp, "suites", "../elsewhere.yaml");

        var result = Cli.RunIn(temp.Path, "test", suite);

        result.ExitCode.Should().Be(CliApp.Ok, result.Output + result.Errors);
    }

    [Fact]
    public void Test_AbsolutePathOutsideTheWorkingFolder_IsRefused()
    {
        using var temp = new TempFolder();
        var suite = SuiteIn(temp, "suites", Samples.Ordinance);

        var result = Cli.RunIn(temp.Path, "test", suite);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain("error OR4011:").And.Contain("the working folder").And.Contain($"({temp.Path})");
    }

    [Fact]
    public void Test_SymbolicLinkEscapingTheWorkingFolder_IsRefused_UnlessAllowed()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating links needs privileges there
        }

        using var temp = new TempFolder();
        var work = Directory.CreateDirectory(temp["work"]).FullName;
        var suite = SuiteIn(temp, Path.Combine("work", "suites"), "../linked.yaml");
        File.CreateSymbolicLink(Path.Combine(work, "linked.yaml"), temp["elsewhere.yaml"]);

        var strict = Cli.RunIn(work, "test", suite);
        var allowed = Cli.RunIn(work, "test", suite, "--allow-outside");

        strict.ExitCode.Should().Be(CliApp.BadInput);
        strict.ErrorLines.Should().ContainSingle().Which.Should().Contain("escape.suite.yaml:2:12: error OR4011:").And.Contain("'../linked.yaml'");
        allowed.ExitCode.Should().Be(CliApp.Ok, allowed.Output + allowed.Errors);
    }

    [Fact]
    public void Test_AllowOutside_ReadsAFileOutsideTheSuitesFolder()
    {
        using var temp = new TempFolder();
        var suite = SuiteIn(temp, "suites", "../elsewhere.yaml");

        var result = Cli.Run("test", suite, "--allow-outside");

        result.ExitCode.Should().Be(CliApp.Ok, result.Output + result.Errors);
    }

    [Fact]
    public void LoadSuite_RootAboveTheSuite_ReadsFilesInsideTheRoot()
    {
        using var temp = new TempFolder();
        var suite = SuiteIn(temp, "suites", "../elsewhere.yaml");

        var byDefault = OrdinanceYaml.LoadSuite(suite);
        var rooted = OrdinanceYaml.LoadSuite(suite, new YamlReadOptions { Root = temp.Path });

        byDefault.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(YamlDiagnosticCodes.OutsideFolder);
        rooted.Succeeded.Should().BeTrue(string.Join("; ", rooted.Diagnostics));
    }

    [Fact]
    public void LoadSuite_RootThatDoesNotHoldTheSuite_ConfinesItToItsOwnFolder()
    {
        using var temp = new TempFolder();
        var suite = SuiteIn(temp, "suites", "../elsewhere.yaml");
        var unrelated = Directory.CreateDirectory(temp["other"]).FullName;

        var loaded = OrdinanceYaml.LoadSuite(suite, new YamlReadOptions { Root = unrelated });

        loaded.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == YamlDiagnosticCodes.OutsideFolder && d.Message.Contains("the folder of escape.suite.yaml", StringComparison.Ordinal));
    }

    /// <summary>A copy of the bundled ordinance at the temp folder's top, and a suite in <paramref name="folder"/> that names <paramref name="ordinance"/>.</summary>
    private static string SuiteIn(TempFolder temp, string folder, string ordinance)
    {
        File.Copy(Samples.Ordinance, temp["elsewhere.yaml"], overwrite: true);
        var suite = Path.Combine(Directory.CreateDirectory(temp[folder]).FullName, "escape.suite.yaml");
        File.WriteAllText(suite, $"suite: Elsewhere\nordinance: {ordinance}\ncases:\n  - name: none\n    as-of: 2021-01-01T00:00:00Z\n    facts: []\n    expect: {{}}\n");
        return suite;
    }
}
