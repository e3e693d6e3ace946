using System.Text.Json.Nodes;

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

    [Fact]
    public void OrdinanceSchema_UnknownKey_IsInvalid()
    {
        using var file = new TempYaml("ordinance.yaml", File.ReadAllText(Samples.Ordinance).Replace("\nprovisions:", "\nprovision-list: []\nprovisions:", StringComparison.Ordinal));

        SchemaFiles.Errors("ordinance", SchemaFiles.YamlAsJson(file.Path)).Should().Contain("provision-list");
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
            .BeEquivalentTo("check", "explain", "what-if", "test", "compare", "readings", "validate", "init", "samples", "interview");
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
