namespace OrdinanceRules.Cli.Tests.Validate;

public class ValidateCommandTests
{
    private static string SamplesFolder(string name) => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Samples.Ordinance)!, "..", name));

    [Fact]
    public void Validate_SampleOrdinancesAndSuites_AreAllValid()
    {
        var result = Cli.Run("validate", SamplesFolder("ordinances"), SamplesFolder("tests"));

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.Errors.Should().BeEmpty();
        result.OutputLines.Last().Should().Be("14 files: 14 valid, 0 with problems.");
        result.OutputLines.Should().Contain(l => l.StartsWith("valid    suite       ", StringComparison.Ordinal) && l.EndsWith("roeland-park.suite.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ScenariosWithTheirOrdinance_ReadsThemInItsVocabulary()
    {
        var result = Cli.Run("validate", SamplesFolder("scenarios/lawrence"), "--ordinance", Path.Combine(SamplesFolder("ordinances"), "lawrence-ks.yaml"));

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Last().Should().Be("4 files: 4 valid, 0 with problems.");
    }

    [Fact]
    public void Validate_ScenarioWithoutItsOrdinance_SaysToPassOrdinance()
    {
        var result = Cli.Run("validate", SamplesFolder("scenarios/lawrence"));

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().HaveCount(4).And.AllSatisfy(l => l.Should().Contain(":1:1: error OR5302: cannot tell which ordinance this scenario is for").And.EndWith("pass --ordinance FILE"));
    }

    [Fact]
    public void Validate_ProblemsInSeveralFiles_ReportsEveryOneAtItsPlace()
    {
        using var temp = new TempFolder();
        Cli.Run("init", temp["city"]).ExitCode.Should().Be(CliApp.Ok);
        var ordinance = temp["city/city.yaml"];
        File.WriteAllText(ordinance, File.ReadAllText(ordinance)
            .Replace("  notice-within: 72h", "  notice-within: soon", StringComparison.Ordinal)
            .Replace("  K3: { section", "  K33: { section", StringComparison.Ordinal));
        var vocabulary = temp["city/vocabulary/city.yaml"];
        File.WriteAllText(vocabulary, File.ReadAllText(vocabulary).Replace("    add-fields:", "    add-field:", StringComparison.Ordinal));

        var result = Cli.Run("validate", temp["city"]);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().MatchRegex(@"city\.yaml:\d+:\d+: error OR4008: parameter 'notice-within' takes a positive duration such as 48h or 3d, not 'soon'")
            .And.MatchRegex(@"city\.yaml:\d+:\d+: error OR4013: 'overrides' names 'K33', which is not a provision of ACLU of Kansas .*; did you mean 'K3'\?")
            .And.MatchRegex(@"vocabulary/city\.yaml:\d+:\d+: error OR4002: unknown key 'add-field'.*did you mean 'add-fields'\?");
        result.OutputLines.Should().Contain(l => l.StartsWith("invalid  ordinance", StringComparison.Ordinal) && l.Contains("city/city.yaml", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("valid    ordinance", StringComparison.Ordinal) && l.Contains("base/aclu-kansas-model.yaml", StringComparison.Ordinal))
            .And.Contain(l => l.StartsWith("invalid  vocabulary", StringComparison.Ordinal));
        result.OutputLines.Last().Should().EndWith("with problems.");
    }

    [Fact]
    public void Validate_BrokenScenarioWithItsOrdinance_ReportsItAtLineAndColumn()
    {
        using var temp = new TempFolder();
        Cli.Run("init", temp["city"]).ExitCode.Should().Be(CliApp.Ok);
        var scenario = temp["city/scenarios/detainer-hold-past-release.yaml"];
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("    kind: continue-detention\n", "    kind: hold\n", StringComparison.Ordinal));

        var result = Cli.Run("validate", temp["city/city.yaml"], scenario);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().MatchRegex(@"detainer-hold-past-release\.yaml:51:11: error OR3001: .*'hold'");
    }

    [Fact]
    public void Validate_FormatJson_PutsEveryFileAndProblemInTheDocument()
    {
        using var temp = new TempFolder();
        Cli.Run("init", temp["city"]).ExitCode.Should().Be(CliApp.Ok);
        var scenario = temp["city/scenarios/detainer-hold-past-release.yaml"];
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("    kind: continue-detention\n", "    kind: hold\n", StringComparison.Ordinal));

        var result = Cli.Run("validate", temp["city/city.yaml"], scenario, temp["missing.yaml"], "--format", "json");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().BeEmpty("the problems are in the document");
        Schemas.SchemaFiles.Errors("validation", result.Output).Should().BeNull();
        var document = OrdinanceRules.Json.OrdinanceJson.Read<OrdinanceRules.Json.ValidationDocument>(result.Output);
        document.Valid.Should().Be(1);
        document.Invalid.Should().Be(1);
        document.Files.Select(f => (f.Kind, f.Valid)).Should().Equal(("ordinance", true), ("scenario", false));
        var problem = document.Files[1].Problems.Should().ContainSingle().Subject;
        (problem.Code, problem.File, problem.Line, problem.Column).Should().Be(("OR3001", scenario, 51, 11));
        document.Problems.Should().ContainSingle().Which.Should().Match<OrdinanceRules.Json.DiagnosticJson>(p => p.Code == "OR5301" && p.File == null && p.Message.Contains("missing.yaml"));
    }

    [Fact]
    public void Validate_GlobPattern_ValidatesTheFilesItMatches()
    {
        var result = Cli.Run("validate", SamplesFolder("tests") + "/**/*.suite.yaml");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.OutputLines.Last().Should().Be("5 files: 5 valid, 0 with problems.");
    }

    [Fact]
    public void Validate_PathsThatNameNothing_SayWhy()
    {
        using var temp = new TempFolder();

        var result = Cli.Run("validate", temp["missing.yaml"], temp.Path, temp.Path + "/*.yml");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.ErrorLines.Should().Equal(
            $"error OR5301: '{temp["missing.yaml"]}' is no file, folder or pattern: it does not exist",
            $"error OR5301: the folder '{temp.Path}' holds no *.yaml or *.yml file",
            $"error OR5301: no file matches the pattern '{temp.Path}/*.yml'");
    }

    [Fact]
    public void Validate_FileOfNoKnownKind_NamesItsFirstKey()
    {
        using var yaml = new TempYaml("notes.yaml", "# notes\nnotes: nothing to see\n");

        var result = Cli.Run("validate", yaml.Path);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain($"{yaml.Path}:1:1: error OR5303: this is not an ordinance, vocabulary, scenario or suite file: its first key is 'notes'");
    }

    [Fact]
    public void Validate_StandardInput_ReadsAScenarioInTheGivenOrdinance()
    {
        var scenario = File.ReadAllText(Samples.Scenario("p2-detainer-hold-violated"));

        var valid = Cli.Start(scenario, null, "validate", "-", "--ordinance", Samples.Ordinance);
        var broken = Cli.Start(scenario.Replace("kind: continue-detention", "kind: hold", StringComparison.Ordinal), null, "validate", "--ordinance", Samples.Ordinance, "-");

        valid.ExitCode.Should().Be(CliApp.Ok, valid.Errors);
        valid.OutputLines.Should().Contain("valid    scenario    <stdin>");
        broken.ExitCode.Should().Be(CliApp.BadInput);
        broken.Errors.Should().MatchRegex(@"^<stdin>:\d+:\d+: error OR3001: ");
    }

    [Fact]
    public void Validate_WithLaw_CompilesTheOrdinanceStacked()
    {
        var ordinances = SamplesFolder("ordinances");

        var result = Cli.Run("validate", Path.Combine(ordinances, "roeland-park-ks.yaml"), "--law", Path.Combine(ordinances, "kansas-ksa-12-16-140.yaml"));
        var wrongLevel = Cli.Run("validate", Path.Combine(ordinances, "kansas-ksa-12-16-140.yaml"), "--law", Path.Combine(ordinances, "roeland-park-ks.yaml"));

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        wrongLevel.ExitCode.Should().Be(CliApp.BadInput);
        wrongLevel.Errors.Should().Contain("error OR");
    }
}
