using System.Text.Json;
using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Cli.Tests.Comparison;
using OrdinanceRules.Cli.Tests.Schemas;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Tests.Vocabulary;

/// <summary><c>ordinance vocabulary</c>, the reference page docs/vocabulary.md it generates, and city extensions of the bundled vocabulary.</summary>
public class VocabularyCommandTests
{
    /// <summary>The command docs/vocabulary.md and docs/cli.md give to regenerate the page.</summary>
    private const string Regenerate = "dotnet run --project src/OrdinanceRules.Cli -- vocabulary immigration-cooperation > docs/vocabulary.md";

    private const string Head = """
        title: T
        jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
        """;

    [Fact]
    public void Vocabulary_Bundled_IsExactlyTheReferencePageInDocs()
    {
        var result = Cli.Run("vocabulary", "immigration-cooperation");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        var page = File.ReadAllText(Path.Combine(Samples.Root, "docs", "vocabulary.md")).ReplaceLineEndings("\n");
        page.Should().Be(result.Output.ReplaceLineEndings("\n"), $"docs/vocabulary.md is generated from the bundled YAML; it is stale: regenerate it with `{Regenerate}`");
        File.ReadAllText(Path.Combine(Samples.Root, "docs", "cli.md")).Should().Contain(Regenerate);
    }

    [Fact]
    public void Vocabulary_Bundled_ListsEveryTypeFieldAndValueAndMarksSensitiveFields()
    {
        var output = Cli.Run("vocabulary", "immigration-cooperation").Output;

        output.Should().Contain("## serviceDecision")
            .And.Contain("| `immigrationStatus` | one of `us-citizen`, `lawful-permanent-resident`, `nonimmigrant`, `refugee-or-asylee`, `tps`, `daca`, `pending-application`, `no-status`, `other` | **sensitive.** The person's actual immigration status. |")
            .And.Contain("| `inResponseTo` | reference to [request](#request) |");
    }

    [Fact]
    public void Vocabulary_Extension_MarksWhatItAddsToTheBase()
    {
        using var vocabulary = new TempYaml("city.yaml", """
            vocabulary: city
            extends: immigration-cooperation
            types:
              action:
                add-values:
                  kind: { stop: A traffic or pedestrian stop. }
            """);

        var output = Cli.Run("vocabulary", vocabulary.Path).Output;

        output.Should().Contain("Extends `immigration-cooperation`")
            .And.Contain("`other`, `stop` *(added)* |")
            .And.Contain("- `stop`: A traffic or pedestrian stop.");
    }

    [Fact]
    public void Vocabulary_FormatJson_IsTheContractDocumentOfOrdinanceJson()
    {
        var result = Cli.Run("vocabulary", "immigration-cooperation", "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        result.Output.TrimEnd('\n').Should().Be(OrdinanceJson.Write(OrdinanceJson.Vocabulary(StandardVocabularies.Get("immigration-cooperation"))));
        SchemaFiles.Errors("vocabulary-reference", result.Output).Should().BeNull();
        var document = OrdinanceJson.Read<VocabularyDocument>(result.Output);
        document.SchemaVersion.Should().Be(OrdinanceJson.SchemaVersion);
        document.Extends.Should().BeNull();
        var person = document.Types.Single(t => t.Name == "person");
        var status = person.Fields.Single(f => f.Name == "immigrationStatus");
        (status.Type, status.Sensitive, status.Added).Should().Be(("enumeration", true, false));
        status.Values.Select(v => v.Value).Should().Contain(["daca", "tps"]);
        document.Types.SelectMany(t => t.Fields).Should().Contain(f => f.Type == "reference" && f.To == "request");
    }

    [Fact]
    public void Vocabulary_ExtensionAsJson_MarksTheAddedTypeFieldAndValue()
    {
        using var vocabulary = new TempYaml("city.yaml", """
            vocabulary: city
            extends: immigration-cooperation
            types:
              action:
                add-values:
                  kind: { stop: A traffic or pedestrian stop. }
                add-fields:
                  statusAsked: { type: yes-no, description: Whether the status was asked. }
              checkpoint:
                fields: { purpose: text }
            """);

        var result = Cli.Run("vocabulary", vocabulary.Path, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        SchemaFiles.Errors("vocabulary-reference", result.Output).Should().BeNull();
        var document = OrdinanceJson.Read<VocabularyDocument>(result.Output);
        document.Extends.Should().Be("immigration-cooperation");
        document.Types.Single(t => t.Name == "checkpoint").Added.Should().BeTrue();
        var action = document.Types.Single(t => t.Name == "action");
        action.Added.Should().BeFalse();
        action.Fields.Single(f => f.Name == "statusAsked").Added.Should().BeTrue();
        var kind = action.Fields.Single(f => f.Name == "kind");
        kind.Added.Should().BeFalse();
        kind.Values.Single(v => v.Value == "stop").Should().Be(new FieldValueJson("stop", true, "A traffic or pedestrian stop."));
        kind.Values.Single(v => v.Value == "arrest").Added.Should().BeFalse();
    }

    [Fact]
    public void Vocabulary_AsJson_WritesEachKindOfDefaultAsTheFileDoes()
    {
        using var vocabulary = new TempYaml("city.yaml", """
            vocabulary: city
            extends: immigration-cooperation
            types:
              checkpoint:
                fields:
                  signed: { type: yes-no, default: no }
                  channel: { type: enumeration, values: [radio, phone], default: radio }
                  closedAt: { type: instant, default: none }
                  purpose: text
            """);

        var result = Cli.Run("vocabulary", vocabulary.Path, "--format", "json");

        result.ExitCode.Should().Be(CliApp.Ok, result.Errors);
        SchemaFiles.Errors("vocabulary-reference", result.Output).Should().BeNull();
        var fields = OrdinanceJson.Read<VocabularyDocument>(result.Output).Types.Single(t => t.Name == "checkpoint").Fields.ToDictionary(f => f.Name);
        (fields["signed"].Default, fields["signed"].DefaultValue).Should().Be((false, "no"));
        (fields["channel"].Default, fields["channel"].DefaultValue).Should().Be((null, "radio"));
        (fields["closedAt"].Default, fields["closedAt"].DefaultValue).Should().Be((null, "none"));
        (fields["purpose"].Default, fields["purpose"].DefaultValue).Should().Be((null, null), "a field with no default is unknown when left out");
    }

    [Fact]
    public void Vocabulary_BadFormat_IsACommandLineError()
    {
        var result = Cli.Run("vocabulary", "immigration-cooperation", "--format", "xml");

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().Contain("--format must be text, json or json-schema, not 'xml'");
    }

    [Fact]
    public void Vocabulary_FileWithAnError_ReportsItAtItsLineAndColumn()
    {
        using var vocabulary = new TempYaml("city.yaml", "vocabulary: city\nextends: immigration-cooperation\ntypes:\n  acton:\n    add-values: { kind: [stop] }\n");

        var result = Cli.Run("vocabulary", vocabulary.Path);

        result.ExitCode.Should().Be(CliApp.BadInput);
        result.Errors.Should().StartWith($"{vocabulary.Path}:5:5: error OR1010: 'add-values' adds to a type of 'immigration-cooperation', which has no type 'acton'; did you mean 'action'?");
    }

    [Fact]
    public void Compare_TwoCitiesExtendingTheBaseDifferently_ComparesTheBaseScenarios()
    {
        using var scenarios = new ScenarioFolder("p2-detainer-hold-violated", "p6-witness-not-applicable");
        var laws = Path.Combine(Path.GetTempPath(), "ordinance-vocabulary-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(laws);
        try
        {
            File.WriteAllText(Path.Combine(laws, "stops.yaml"), "vocabulary: stops\nextends: immigration-cooperation\ntypes:\n  action:\n    add-values: { kind: [stop] }\n    add-fields: { statusAsked: yes-no }\n");
            File.WriteAllText(Path.Combine(laws, "checkpoints.yaml"), "vocabulary: checkpoints\nextends: immigration-cooperation\ntypes:\n  action:\n    add-values: { kind: [checkpoint-stop] }\n  checkpoint:\n    fields: { purpose: text }\n");
            var a = Path.Combine(laws, "a.yaml");
            var b = Path.Combine(laws, "b.yaml");
            File.WriteAllText(a, $"ordinance: \"A\"\n{Head}\nvocabulary: {{ uses: stops.yaml }}\nprovisions:\n{Provision("A1", "a.kind in ['detain', 'continue-detention', 'stop']")}");
            File.WriteAllText(b, $"ordinance: \"B\"\n{Head}\nvocabulary: {{ uses: checkpoints.yaml }}\nprovisions:\n{Provision("B1", "a.kind in ['arrest', 'checkpoint-stop']")}");

            var result = Cli.Run("compare", a, b, "--scenarios", scenarios.Path, "--format", "json");

            result.Errors.Should().BeEmpty();
            result.ExitCode.Should().Be(CompareCommand.Differences);
            using var json = JsonDocument.Parse(result.Output);
            var row = json.RootElement.GetProperty("scenarios").EnumerateArray().Single(r => r.GetProperty("label").GetString() == "p2-detainer-hold-violated");
            row.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("findings")[0].GetProperty("status").GetString()).Should().Equal("violated", "complied");
        }
        finally
        {
            Directory.Delete(laws, recursive: true);
        }
    }

    private static string Provision(string id, string violatedWhen) => $$"""
          - id: {{id}}
            section: "§ 1"
            title: No holds
            text: No holds.
            modality: prohibition
            binds: Town
            for: { a: action }
            violated-when: "{{violatedWhen}}"

        """;
}
