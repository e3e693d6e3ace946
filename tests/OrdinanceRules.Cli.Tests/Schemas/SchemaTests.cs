using System.Text.Json.Nodes;
using Json.Schema;
using OrdinanceRules.Cli.Schemas;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Tests.Schemas;

/// <summary>schemas/ is current, matches the readers' key tables, and validates every bundled file and every JSON output.</summary>
public class SchemaTests
{
    public static TheoryData<string> SchemaNames => [.. SchemaFiles.Generated().Keys];

    public static TheoryData<string, string> BundledFiles()
    {
        var root = Samples.Root;
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples", "ordinances"), "*.yaml"))
        {
            data.Add("ordinance", Path.GetRelativePath(root, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "OrdinanceRules.Vocabularies", "Vocabularies"), "*.yaml"))
        {
            data.Add("vocabulary", Path.GetRelativePath(root, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples", "scenarios"), "*.yaml", SearchOption.AllDirectories))
        {
            data.Add("scenario", Path.GetRelativePath(root, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "samples", "tests"), "*.suite.yaml", SearchOption.AllDirectories))
        {
            data.Add("suite", Path.GetRelativePath(root, file));
        }

        return data;
    }

    /// <summary>The <c>ordinance ...</c> commands of docs/json.md's shell block, each run by <see cref="JsonCommand_InDocs_ValidatesAgainstItsSchema"/>.</summary>
    public static TheoryData<string> DocumentedCommands() => [.. Commands()];

    private static IEnumerable<string> Commands() =>
        File.ReadAllLines(Path.Combine(Samples.Root, "docs", "json.md"))
            .Where(l => l.StartsWith("ordinance ", StringComparison.Ordinal) && l.Contains("--format json", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void CheckedInSchema_IsWhatTheGeneratorMakes(string name)
    {
        var generated = SchemaFiles.Text(SchemaFiles.Generated()[name]);
        if (Environment.GetEnvironmentVariable(SchemaFiles.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(SchemaFiles.Folder);
            File.WriteAllText(SchemaFiles.PathOf(name), generated);
        }

        File.Exists(SchemaFiles.PathOf(name)).Should().BeTrue($"schemas/{name}.schema.json is missing; run the command in docs/json.md, \"Schemas\"");
        File.ReadAllText(SchemaFiles.PathOf(name)).ReplaceLineEndings("\n").Should().Be(generated, $"schemas/{name}.schema.json is stale; run the command in docs/json.md, \"Schemas\"");
    }

    [Fact]
    public void SchemasFolder_HoldsOnlyGeneratedSchemas()
    {
        Directory.EnumerateFiles(SchemaFiles.Folder).Select(Path.GetFileName).Should()
            .BeEquivalentTo(SchemaFiles.Generated().Keys.Select(n => n + ".schema.json"));
    }

    [Fact]
    public void CheckedInSchemas_AcceptExactlyTheKeysTheReadersAccept()
    {
        var differences = new List<string>();
        foreach (var (schema, def, keys) in InputSchemas.KeyTables)
        {
            var properties = JsonNode.Parse(File.ReadAllText(SchemaFiles.PathOf(schema)))!["$defs"]![def]!["properties"]!.AsObject().Select(p => p.Key).ToList();
            differences.AddRange(keys.Except(properties).Select(k => $"{schema}.schema.json $defs/{def}: the reader accepts '{k}', the schema lacks it"));
            differences.AddRange(properties.Except(keys).Select(k => $"{schema}.schema.json $defs/{def}: the schema has '{k}', the reader refuses it"));
        }

        differences.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void BundledFile_ValidatesAgainstItsSchema(string schema, string file)
    {
        SchemaFiles.Errors(schema, SchemaFiles.YamlAsJson(Path.Combine(Samples.Root, file))).Should().BeNull();
    }

    /// <summary>
    /// Every bundled scenario under the vocabulary of every bundled ordinance: the scenario schema made for that
    /// vocabulary (what <c>vocabulary --format json-schema</c> writes) accepts each scenario the reader accepts, and
    /// refuses each one the reader refuses only for a fact type, field or value the vocabulary lacks.
    /// </summary>
    [Fact]
    public void ScenarioSchemaOfAVocabulary_AgreesWithTheReader_OnEveryBundledScenarioUnderEveryBundledOrdinance()
    {
        var scenarios = Directory.EnumerateFiles(Path.Combine(Samples.Root, "samples", "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => (File: f, Json: SchemaFiles.YamlAsJson(f))).ToList();
        var disagreements = new List<string>();
        var (accepted, refused) = (0, 0);
        foreach (var ordinanceFile in Directory.EnumerateFiles(Path.Combine(Samples.Root, "samples", "ordinances"), "*.yaml"))
        {
            var ordinance = OrdinanceYaml.LoadOrdinance(ordinanceFile).GetValueOrThrow();
            var schema = JsonSchema.FromText(FileSchemas.Text(FileSchemas.Scenario(ordinance.Vocabulary)));
            foreach (var (file, json) in scenarios)
            {
                var read = OrdinanceYaml.LoadScenario(file, ordinance);
                var errors = SchemaFiles.ErrorsAgainst(schema, json);
                var under = $"{Path.GetRelativePath(Samples.Root, file)} under {Path.GetFileName(ordinanceFile)}";
                if (read.Succeeded)
                {
                    accepted++;
                    if (errors is not null)
                    {
                        disagreements.Add($"{under}: the reader accepts it, the schema refuses it: {errors}");
                    }
                }
                else if (read.Diagnostics.All(d => d.Message.Contains("has no field", StringComparison.Ordinal) || d.Message.Contains("which the vocabulary does not declare", StringComparison.Ordinal) || d.Message.Contains("which is not one of", StringComparison.Ordinal)))
                {
                    refused++;
                    if (errors is null)
                    {
                        disagreements.Add($"{under}: the reader refuses it ({read.Diagnostics[0]}), the schema accepts it");
                    }
                }
            }
        }

        disagreements.Should().BeEmpty();
        accepted.Should().BeGreaterThan(500);
        refused.Should().BeGreaterThan(10, "the Chicago and Lawrence scenarios use types and fields that other ordinances' vocabularies lack");
    }

    [Fact]
    public void ScenarioSchemaOfAVocabulary_MisspelledFieldOrValue_IsInvalid()
    {
        var schema = FileSchemas.Text(FileSchemas.Scenario(StandardVocabularies.Get("immigration-cooperation")));
        const string Scenario = """{"scenario": "s", "facts": [{"threat": "t-1", "specificity": "specific", "action": "act-1"}]}""";

        SchemaFiles.ErrorsAgainstText(schema, Scenario).Should().BeNull();
        SchemaFiles.ErrorsAgainstText(schema, Scenario.Replace("specificity", "specifity", StringComparison.Ordinal)).Should().NotBeNull();
        SchemaFiles.ErrorsAgainstText(schema, Scenario.Replace("\"specific\"", "\"very\"", StringComparison.Ordinal)).Should().NotBeNull();
        SchemaFiles.ErrorsAgainstText(schema, Scenario.Replace("\"specific\"", "\"unknown\"", StringComparison.Ordinal)).Should().BeNull("any field may be unknown");
    }

    [Fact]
    public void VocabularyFormatJsonSchema_IsTheScenarioSchemaOfThatVocabulary_AndTheGenericOneIsSchemasScenario()
    {
        var result = Cli.Run("vocabulary", Path.Combine(Samples.Root, "samples", "ordinances", "chicago-il.yaml"), "--format", "json-schema");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var schema = JsonNode.Parse(result.Output)!;
        schema["$defs"]!["fact-form"]!["properties"]!["asksImmigrationStatus"].Should().NotBeNull("Chicago's ordinance declares the form type");
        schema["$defs"]!["scenario"]!["properties"]!["unknown"]!["items"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Contain(["agency", "form"]);
        SchemaFiles.ErrorsAgainstText(result.Output, SchemaFiles.YamlAsJson(Path.Combine(Samples.Root, "samples", "scenarios", "chicago-il", "ch-form-asks-status-violated.yaml"))).Should().BeNull();
        File.ReadAllText(SchemaFiles.PathOf("scenario")).Should().Be(FileSchemas.Text(FileSchemas.Scenario()), "schemas/scenario.schema.json is the schema of any vocabulary");
    }

    [Fact]
    public void OrdinanceSchema_UnknownKey_IsInvalid()
    {
        using var file = new TempYaml("ordinance.yaml", File.ReadAllText(Samples.Ordinance).Replace("\nprovisions:", "\nprovision-list: []\nprovisions:", StringComparison.Ordinal));

        SchemaFiles.Errors("ordinance", SchemaFiles.YamlAsJson(file.Path)).Should().Contain("provision-list");
    }

    /// <summary>A key the reader requires is one the schema requires: an editor flags its absence as the loader does.</summary>
    [Theory]
    [InlineData("    text: ", "text")]
    [InlineData("    binds: ", "binds")]
    [InlineData("        when: ", "when")]
    public void OrdinanceSchema_RequiredKeyLeftOut_IsInvalidAsTheReaderSays(string linePrefix, string key)
    {
        var lines = File.ReadAllLines(Samples.Ordinance).ToList();
        var at = lines.FindIndex(lines.IndexOf("provisions:"), l => l.StartsWith(linePrefix, StringComparison.Ordinal));
        at.Should().BeGreaterThan(0, $"the Roeland Park file has a line starting '{linePrefix}'");
        lines.RemoveAt(at);
        while (at < lines.Count && lines[at].StartsWith(linePrefix.Replace(key + ": ", "  ", StringComparison.Ordinal), StringComparison.Ordinal))
        {
            lines.RemoveAt(at); // the rest of a block scalar
        }

        using var file = new TempYaml("ordinance.yaml", string.Join('\n', lines) + "\n");

        OrdinanceYaml.LoadOrdinance(file.Path).Diagnostics.Should().Contain(d => d.Message.Contains($"'{key}'", StringComparison.Ordinal));
        SchemaFiles.Errors("ordinance", SchemaFiles.YamlAsJson(file.Path)).Should().Contain(key);
    }

    [Theory]
    [MemberData(nameof(DocumentedCommands))]
    public void JsonCommand_InDocs_ValidatesAgainstItsSchema(string command)
    {
        var args = command.Split(' ').Skip(1).Select(a => a.StartsWith("samples/", StringComparison.Ordinal) ? Path.Combine(Samples.Root, a) : a).ToArray();
        var schema = args[0] switch
        {
            "check" => "reports",
            "explain" => "explanations",
            "what-if" => "what-if",
            "test" => "test-run",
            "compare" => "comparison",
            "readings" => "readings",
            "validate" => "validation",
            "init" => "init",
            "samples" => "samples",
            "interview" => "interview",
            "vocabulary" => "vocabulary-reference",
            "analyze" => "analysis",
            "diff" => "diff",
            _ => throw new InvalidOperationException($"docs/json.md shows a command with no schema: {command}"),
        };

        // init writes a folder: into a temporary one, not the repository.
        using var temp = new TempFolder();
        var result = args[0] == "init" ? Cli.RunIn(temp.Path, [args[0], temp[args[1]], .. args[2..]]) : Cli.Run(args);

        result.ExitCode.Should().BeOneOf([CliApp.Ok, CliApp.Violation], result.Errors);
        SchemaFiles.Errors(schema, result.Output).Should().BeNull();
    }

    [Fact]
    public void ReportsSchema_DocumentWithoutDecision_IsInvalid()
    {
        var result = Cli.Run("check", Samples.Ordinance, Samples.Scenario("p2-detainer-hold-violated"), "--format", "json");
        var json = JsonNode.Parse(result.Output)!;
        json["reports"]![0]!.AsObject().Remove("decision");

        SchemaFiles.Errors("reports", json.ToJsonString()).Should().Contain("decision");
    }

    [Fact]
    public void DocumentedCommands_CoverEveryJsonDocument()
    {
        Commands().Select(c => c.Split(' ')[1]).Distinct().Should()
            .BeEquivalentTo("check", "explain", "what-if", "test", "compare", "readings", "validate", "init", "samples", "interview", "vocabulary", "analyze", "diff");
    }

    [Fact]
    public void ReadmeEditorSettings_NameEveryYamlSchemaAndEachMatchesABundledFile()
    {
        var readme = File.ReadAllText(Path.Combine(Samples.Root, "README.md"));
        var start = readme.IndexOf("{\n  \"yaml.schemas\"", StringComparison.Ordinal);
        var settings = JsonNode.Parse(readme[start..(readme.IndexOf("\n```", start, StringComparison.Ordinal) + 1)])!["yaml.schemas"]!.AsObject();

        settings.Select(s => s.Key).Should().BeEquivalentTo(InputSchemas.All().Keys.Select(n => $"./schemas/{n}.schema.json"));
        foreach (var (schema, globs) in settings)
        {
            File.Exists(Path.Combine(Samples.Root, schema)).Should().BeTrue(schema);
            var first = globs!.AsArray()[0]!.GetValue<string>();
            var folder = first.Contains("**", StringComparison.Ordinal) ? first[..first.IndexOf("**", StringComparison.Ordinal)] : Path.GetDirectoryName(first)!;
            Directory.EnumerateFiles(Path.Combine(Samples.Root, folder), Path.GetFileName(first), SearchOption.AllDirectories).Should().NotBeEmpty(first);
        }
    }
}
