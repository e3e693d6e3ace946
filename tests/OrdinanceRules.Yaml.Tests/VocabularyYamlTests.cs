using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Yaml.Tests;

public class VocabularyYamlTests
{
    [Fact]
    public void LoadVocabulary_TestFixture_ReadsEveryFieldKind()
    {
        var path = TestFiles.PathOf("test-vocabulary.yaml");
        var vocabulary = OrdinanceYaml.LoadVocabulary(path).GetValueOrThrow();

        vocabulary.Name.Should().Be("test-cooperation");
        vocabulary.TryGetType("agency", out var agency).Should().BeTrue();
        agency!.Description.Should().Be("A city department or a federal component.");
        agency.Location.Should().Be(new SourceLocation(path, 4, 3));
        agency.Fields[0].Should().Be(new FieldDefinition("name", FieldType.Text, null, new SourceLocation(path, 7, 7)));
        agency.Fields[1].Type.Should().Be(FieldType.Enumeration(["federal", "state", "county", "city"]));
        agency.Fields[2].Type.Should().Be(FieldType.YesNo);
        agency.Fields[2].Description.Should().Be("Whether it enforces immigration law.");

        vocabulary.TryGetType("request", out var request).Should().BeTrue();
        request!.Fields.Select(f => f.Type.Kind).Should().Equal(
            FieldKind.Reference, FieldKind.Reference, FieldKind.Enumeration, FieldKind.Instant,
            FieldKind.EnumerationSet, FieldKind.Text, FieldKind.Duration, FieldKind.Number);
        request.Fields[0].Type.ReferencedType.Should().Be("agency");
    }

    [Fact]
    public void ParseVocabulary_BadFieldType_SuggestsTheClosestKind()
    {
        var result = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              thing:
                fields:
                  done: yesno
            """, "v.yaml");

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.InvalidValue,
            "5:13",
            "the type of field 'thing.done' must be one of text, yes-no, number, instant, duration, enumeration, set, reference, not 'yesno'; did you mean 'yes-no'?"));
    }

    [Fact]
    public void ParseVocabulary_EnumerationShortForm_ReportsMissingValues()
    {
        var result = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              thing:
                fields:
                  size: enumeration
            """, "v.yaml");

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.MissingKey,
            "5:13",
            "field 'thing.size' is an enumeration, which needs 'values'; write { type: enumeration, values: [...] }"));
    }

    [Fact]
    public void ParseVocabulary_ValuesOnTextField_ReportsTheKey()
    {
        var result = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              thing:
                fields:
                  size: { type: text, values: [a] }
            """, "v.yaml");

        TestFiles.Single(result).Should().Be((
            YamlDiagnosticCodes.UnknownKey,
            "5:27",
            "'values' applies only to enumeration and set fields, and field 'thing.size' is a text"));
    }

    [Fact]
    public void ParseVocabulary_ReferenceToUndeclaredType_ReportsTheCoreCodeAtTheField()
    {
        var result = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              thing:
                fields:
                  owner: { type: reference, to: person }
            """, "v.yaml");

        var (code, where, _) = TestFiles.Single(result);
        code.Should().Be(DiagnosticCodes.InvalidVocabulary);
        where.Should().Be("5:7");
    }

    [Fact]
    public void ParseVocabulary_FieldsIsAList_ReportsWrongShape()
    {
        var result = OrdinanceYaml.ParseVocabulary("""
            vocabulary: v
            types:
              thing:
                fields: [a, b]
            """, "v.yaml");

        TestFiles.Single(result).Should().Be((YamlDiagnosticCodes.WrongShape, "4:13", "'fields' of fact type 'thing' must be a mapping of field name to type"));
    }
}
