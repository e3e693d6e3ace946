using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests;

/// <summary>A city's vocabulary that <c>extends</c> a bundled one: new values, new fields and new types, without editing the base.</summary>
public class VocabularyExtensionTests
{
    private static string Extension(string name) => TestFiles.PathOf(Path.Combine("extension", name));

    private static Result<FactVocabulary> Parse(string yaml) => OrdinanceYaml.ParseVocabulary(yaml, "city.yaml");

    /// <summary>The stops ordinance, compiled into NRules rules, on one scenario file of the extension folder, at its as-of.</summary>
    private static ComplianceReport EvaluateUnderTheExtension(string scenarioFile)
    {
        var ordinance = OrdinanceCompiler.Compile(OrdinanceYaml.LoadOrdinance(Extension("stops-ordinance.yaml")).GetValueOrThrow());
        var scenario = OrdinanceYaml.LoadScenario(Extension(scenarioFile), ordinance.Ordinance).GetValueOrThrow();
        return ordinance.Evaluate(scenario, scenario.AsOf!.Value);
    }

    [Fact]
    public void LoadVocabulary_Extension_AddsValuesFieldsAndTypesToTheBase()
    {
        var vocabulary = OrdinanceYaml.LoadVocabulary(Extension("stops-vocabulary.yaml")).GetValueOrThrow();

        vocabulary.Name.Should().Be("welcoming-city-stops");
        vocabulary.Extends.Should().BeSameAs(StandardVocabularies.ImmigrationCooperation);
        vocabulary.TryGetType("action", out var action).Should().BeTrue();
        action!.TryGetField("kind", out var kind).Should().BeTrue();
        kind!.Type.Values.Should().StartWith(StandardVocabularies.ImmigrationCooperation.Types.Single(t => t.Name == "action").Fields.Single(f => f.Name == "kind").Type.Values)
            .And.EndWith("stop");
        kind.ValueDescriptions["stop"].Should().Be("A traffic or pedestrian stop.");
        action.TryGetField("statusAsked", out var asked).Should().BeTrue();
        asked!.Type.Should().Be(FieldType.YesNo);
        vocabulary.Types.Select(t => t.Name).Should().EndWith("checkpoint");
        StandardVocabularies.ImmigrationCooperation.TryGetType("checkpoint", out _).Should().BeFalse("the base is not edited");
    }

    [Fact]
    public void Evaluate_OrdinanceOnAnExtension_DecidesOnTheAddedValueFieldAndTypeThroughNRules()
    {
        var report = EvaluateUnderTheExtension("stops-scenario.yaml");

        report.Findings.Select(f => (f.ProvisionId, f.Status)).Should().Equal(("S1", FindingStatus.Violated), ("S2", FindingStatus.Complied));
    }

    [Fact]
    public void LoadScenario_WrittenForTheBase_LoadsAndEvaluatesUnderTheExtension()
    {
        var report = EvaluateUnderTheExtension("base-scenario.yaml");

        report.Findings.Select(f => (f.ProvisionId, f.Status)).Should().Equal(("S1", FindingStatus.NotApplicable), ("S2", FindingStatus.NotApplicable));
    }

    [Fact]
    public void ParseVocabulary_FieldsOnATypeOfTheBase_SaysToWriteAddFields()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            extends: immigration-cooperation
            types:
              action:
                fields:
                  statusAsked: yes-no
            """)).Should().Be((DiagnosticCodes.VocabularyExtension, "5:5", "fact type 'action' is declared by 'immigration-cooperation'; write the fields it gains under 'add-fields' and the values its enumerations gain under 'add-values'"));
    }

    [Fact]
    public void ParseVocabulary_AddValuesToATypeTheBaseLacks_SuggestsTheClosestType()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            extends: immigration-cooperation
            types:
              acton:
                add-values: { kind: [stop] }
            """)).Should().Be((DiagnosticCodes.VocabularyExtension, "5:5", "'add-values' adds to a type of 'immigration-cooperation', which has no type 'acton'; did you mean 'action'?; a new type lists its fields under 'fields'"));
    }

    [Fact]
    public void ParseVocabulary_AddValuesToAFieldTheTypeLacks_SuggestsTheClosestField()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            extends: immigration-cooperation
            types:
              action:
                add-values:
                  kinds: [stop]
            """)).Should().Be((DiagnosticCodes.VocabularyExtension, "6:15", "fact type 'action' has no field 'kinds' to add values to; did you mean 'kind'?"));
    }

    [Fact]
    public void ParseVocabulary_AddAValueTheFieldHas_IsAnError()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            extends: immigration-cooperation
            types:
              action:
                add-values:
                  kind: [stop, arrest]
            """)).Should().Be((DiagnosticCodes.VocabularyExtension, "6:20", "'arrest' is already a value of 'action.kind'"));
    }

    [Fact]
    public void ParseVocabulary_AddValuesToATextField_IsAnError()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            extends: immigration-cooperation
            types:
              person:
                add-values:
                  name: [anonymous]
            """)).Should().Be((DiagnosticCodes.VocabularyExtension, "6:14", "field 'person.name' is text, not an enumeration or a set; only those take values"));
    }

    [Fact]
    public void ParseVocabulary_AddAFieldTheTypeHas_IsAnError()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            extends: immigration-cooperation
            types:
              action:
                add-fields:
                  kind: text
            """)).Should().Be((DiagnosticCodes.VocabularyExtension, "6:7", "field 'action.kind' is already declared by vocabulary 'immigration-cooperation' (as one of arrest, detain, continue-detention, release, transfer-custody, transport, share-information, grant-access, allow-facility-use, traffic-control, on-site-backup, assign-personnel, join-operation, sign-agreement, inquire-status, decline-request, respond-to-call, other); an extension adds new fields only"));
    }

    [Fact]
    public void ParseVocabulary_AddValuesWithoutExtends_SaysToNameTheBase()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            types:
              action:
                add-values: { kind: [stop] }
            """)).Code.Should().Be(DiagnosticCodes.VocabularyExtension);
    }

    [Fact]
    public void ParseVocabulary_ExtendsAMisspelledBundledVocabulary_SuggestsIt()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            extends: immigration-cooperaton
            types: {}
            """)).Should().Be((YamlDiagnosticCodes.FileNotFound, "2:10", "there is no bundled vocabulary 'immigration-cooperaton' (bundled: immigration-cooperation); to use a file, give its path ending in .yaml; did you mean 'immigration-cooperation'?"));
    }

    [Fact]
    public void ParseOrdinance_ExtensionThatExtendsItself_IsACycle()
    {
        var result = OrdinanceYaml.ParseOrdinance(
            """
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary: { uses: a.yaml }
            provisions: []
            """,
            "test.yaml",
            path => path switch
            {
                "a.yaml" => "vocabulary: a\nextends: b.yaml\ntypes: {}\n",
                "b.yaml" => "vocabulary: b\nextends: a.yaml\ntypes: {}\n",
                _ => null,
            });

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.VocabularyExtension);
        diagnostic.Location!.Line.Should().Be(2);
        diagnostic.Message.Should().Be("'extends: a.yaml' makes a cycle: a.yaml is already in this chain of vocabularies that extend one another");
    }

    [Fact]
    public void ParseVocabulary_SensitiveQuoted_SaysToDropTheQuotes()
    {
        TestFiles.Single(Parse("""
            vocabulary: city
            types:
              witness:
                fields:
                  name: { type: text, sensitive: "yes" }
            """)).Should().Be((YamlDiagnosticCodes.InvalidValue, "5:38", "'sensitive' in field 'witness.name' must be yes or no, not 'yes'; \"yes\" in quotes is text: drop the quotes"));
    }

    [Fact]
    public void ParseOrdinance_InlineTypesAddValues_AddToTheUsedVocabulary()
    {
        var ordinance = OrdinanceYaml.ParseOrdinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary:
              uses: immigration-cooperation
              types:
                action:
                  add-values: { kind: [stop] }
            provisions: []
            """, "test.yaml").GetValueOrThrow();

        ordinance.Vocabulary.Types.Single(t => t.Name == "action").Fields.Single(f => f.Name == "kind").Type.Allows("stop").Should().BeTrue();
    }

    [Fact]
    public void ParseOrdinance_InlineTypesInTheOlderForm_StillAddFieldsToATypeOfTheUsedVocabulary()
    {
        var ordinance = OrdinanceYaml.ParseOrdinance("""
            ordinance: "1"
            title: T
            jurisdiction: { name: Town, state: Kansas, time-zone: America/Chicago }
            vocabulary:
              uses: immigration-cooperation
              types:
                agency:
                  description: Written by files of the current release; ignored.
                  fields: { budgetCode: text }
            provisions: []
            """, "test.yaml").GetValueOrThrow();

        var agency = ordinance.Vocabulary.Types.Single(t => t.Name == "agency");
        agency.TryGetField("budgetCode", out _).Should().BeTrue();
        agency.Description.Should().StartWith("A government body");
    }

    [Fact]
    public void Extend_ExtensionsOfOneBaseStackedTogether_KeepTheValuesOfBoth()
    {
        var stops = OrdinanceYaml.LoadVocabulary(Extension("stops-vocabulary.yaml")).GetValueOrThrow();
        var other = StandardVocabularies.ImmigrationCooperation.Extend("other", new VocabularyExtension(values: [new ValueAddition("action", "kind", "checkpoint-stop")]), out var problems)!;
        problems.Should().BeEmpty();

        var both = stops.Extend("both", other.Types, out problems)!;

        problems.Should().BeEmpty();
        both.Types.Single(t => t.Name == "action").Fields.Single(f => f.Name == "kind").Type.Values.Should().Contain(["stop", "checkpoint-stop", "arrest"]);
    }

    [Fact]
    public void AdaptingGuide_WorkedExtension_IsTheTestedFileAsWritten()
    {
        var guide = File.ReadAllText(Repository.PathOf("docs", "adapting.md")).ReplaceLineEndings("\n");

        guide.Should().Contain("```yaml\n" + File.ReadAllText(Extension("stops-vocabulary.yaml")).ReplaceLineEndings("\n") + "```", "docs/adapting.md shows the extension these tests load");
    }

    [Fact]
    public void YamlReference_ExtensionExample_Loads()
    {
        var reference = File.ReadAllText(Repository.PathOf("docs", "yaml-reference.md")).ReplaceLineEndings("\n");
        var section = reference[reference.IndexOf("### Extending a vocabulary", StringComparison.Ordinal)..];
        var start = section.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];

        var vocabulary = Parse(yaml).GetValueOrThrow();

        vocabulary.Extends.Should().BeSameAs(StandardVocabularies.ImmigrationCooperation);
        vocabulary.TryGetType("checkpoint", out _).Should().BeTrue();
    }
}
