using System.Text.Json.Nodes;
using Microsoft.Extensions.FileSystemGlobbing;
using OrdinanceRules.Cli.Tests.Schemas;
using OrdinanceRules.Json;

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
        init.Output.Should().Contain("for Overland Park, Kansas, extending the ACLU of Kansas model").And.Contain("ordinance validate");
        var ordinance = File.ReadAllText(Path.Combine(city, "overland-park.yaml"));
        ordinance.Should().StartWith("# Overland Park, Kansas").And.Contain("\nextends: base/aclu-kansas-model.yaml\n")
            .And.Contain("  police: [OPPD]").And.Contain("  notice-within: 72h")
            .And.Contain("# K1: { remove:").And.Contain("#   replace:").And.Contain("# provisions:");
        File.ReadAllText(Path.Combine(city, "base", "aclu-kansas-model.yaml")).Should().Be(File.ReadAllText(Path.Combine(Samples.Root, "samples", "ordinances", "aclu-kansas-model.yaml")));
        File.ReadAllText(Path.Combine(city, "vocabulary", "overland-park.yaml")).Should().Contain("extends: immigration-cooperation").And.Contain("add-fields:");

        // Run, as the next steps say, from the folder that holds the city's folder.
        var validate = Cli.RunIn(temp.Path, "validate", city);
        validate.ExitCode.Should().Be(CliApp.Ok, validate.Output + validate.Errors);
        validate.OutputLines.Should().Contain(l => l.StartsWith("valid    vocabulary", StringComparison.Ordinal));
        validate.OutputLines.Last().Should().Be("6 files: 6 valid, 0 with problems.");

        var test = Cli.RunIn(temp.Path, "test", Path.Combine(city, "tests"));
        test.ExitCode.Should().Be(CliApp.Ok, test.Output + test.Errors);
        test.Output.Should().Contain("2 cases: 2 passed, 0 failed");

        var check = Cli.RunIn(temp.Path, "check", Path.Combine(city, "overland-park.yaml"), Path.Combine(city, "scenarios", "detainer-hold-past-release.yaml"));
        check.ExitCode.Should().Be(CliApp.Violation);
        check.Output.Should().Contain("Overland Park").And.Contain("VIOLATED  AC-2").And.Contain("From ACLU of Kansas Safe & Welcoming model rules (reconstructed), Model Rule 2.");
    }

    [Fact]
    public void Init_NoticeParameterSetBackToTheModels_TurnsTheSuitesAlertCaseIntoAViolation()
    {
        using var temp = new TempFolder();
        var city = temp["olathe"];
        Cli.Run("init", city).ExitCode.Should().Be(CliApp.Ok);
        var file = Path.Combine(city, "olathe.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("  notice-within: 72h", "  notice-within: 48h", StringComparison.Ordinal));

        var test = Cli.RunIn(temp.Path, "test", Path.Combine(city, "tests"));

        test.ExitCode.Should().Be(CliApp.Violation, test.Output + test.Errors);
        test.Output.Should().Contain("K3 (o=op-1, k=k-1)").And.Contain("expected: complied").And.Contain("actual:   violated");
    }

    [Fact]
    public void Init_EditorSettings_MapSchemaFilesInTheFolderToItsFiles()
    {
        using var temp = new TempFolder();
        var city = temp["overland-park"];
        Cli.Run("init", city).ExitCode.Should().Be(CliApp.Ok);

        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(city, ".vscode", "settings.json")))!["yaml.schemas"]!.AsObject();

        settings.Select(s => s.Key).Should().BeEquivalentTo(
            new[] { "ordinance", "vocabulary", "scenario", "suite" }.Select(n => $"./.ordinance/schemas/{n}.schema.json"));
        foreach (var (schema, globs) in settings)
        {
            var path = Path.Combine(city, schema);
            var name = Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(schema));
            var written = File.ReadAllText(path);
            if (name == "scenario")
            {
                // The scenarios' schema is made for the city's vocabulary, as `vocabulary --format json-schema` makes it.
                written.Should().Be(Cli.Run("vocabulary", Path.Combine(city, "vocabulary", "overland-park.yaml"), "--format", "json-schema").Output);
                JsonNode.Parse(written)!["$defs"]!["fact-agency"]!["properties"]!["localUnit"].Should().NotBeNull("the stub's added field is completed");
            }
            else
            {
                written.Should().Be(File.ReadAllText(Path.Combine(Samples.Root, "schemas", Path.GetFileName(schema))), "init writes the schemas the tool was built with");
            }

            var matcher = new Matcher();
            matcher.AddIncludePatterns(globs!.AsArray().Select(g => g!.GetValue<string>()));
            var files = matcher.GetResultsInFullPath(city).ToList();
            files.Should().NotBeEmpty($"{schema}'s globs match the city's files");
            foreach (var yaml in files)
            {
                SchemaFiles.ErrorsAgainstText(written, SchemaFiles.YamlAsJson(yaml)).Should().BeNull(yaml);
            }
        }
    }

    [Fact]
    public void Init_FormatJson_WritesTheInitDocument()
    {
        using var temp = new TempFolder();
        var city = temp["overland-park"];

        var init = Cli.Run("init", city, "--format", "json");

        init.ExitCode.Should().Be(CliApp.Ok, init.Errors);
        SchemaFiles.Errors("init", init.Output).Should().BeNull();
        var document = OrdinanceJson.Read<InitDocument>(init.Output);
        document.City.Should().Be("Overland Park");
        document.Extends.Should().Be("base/aclu-kansas-model.yaml");
        document.Files.Should().Contain(["overland-park.yaml", "base/aclu-kansas-model.yaml", "vocabulary/overland-park.yaml", ".vscode/settings.json"]);
        document.Files.Should().OnlyContain(f => File.Exists(Path.Combine(city, f)));
        document.Next.Should().Contain($"ordinance test {city}/tests");
    }

    [Fact]
    public void Init_NameStateAndZone_AreWrittenIntoTheOrdinance()
    {
        using var temp = new TempFolder();
        var city = temp["kcmo"];

        var init = Cli.Run("init", city, "--name", "Kansas City", "--state", "Missouri", "--time-zone", "America/Chicago");

        init.ExitCode.Should().Be(CliApp.Ok, init.Errors);
        var ordinance = File.ReadAllText(Path.Combine(city, "kcmo.yaml"));
        ordinance.Should().Contain("  name: Kansas City\n").And.Contain("  state: Missouri\n").And.Contain("  police: [KPD]");
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
