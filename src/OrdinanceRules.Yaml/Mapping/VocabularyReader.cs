using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>Maps vocabulary files, and the <c>types:</c> an ordinance adds, to fact types.</summary>
internal static class VocabularyReader
{
    internal static readonly string[] FileKeys = ["vocabulary", "description", "types"];
    internal static readonly string[] TypeKeys = ["description", "fields"];
    internal static readonly string[] FieldKeys = ["type", "values", "to", "description"];
    internal static readonly string[] Kinds = ["text", "yes-no", "number", "instant", "duration", "enumeration", "set", "reference"];

    /// <summary>Reads a vocabulary file.</summary>
    public static Result<FactVocabulary> Read(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlTreeReader.ReadRootMapping(text, file, diagnostics);
        if (root is null)
        {
            return Result<FactVocabulary>.Failure(diagnostics);
        }

        var reader = new MappingReader(root, "the vocabulary", FileKeys, diagnostics);
        var name = reader.RequiredText("vocabulary");
        reader.OptionalText("description");
        var types = ReadTypes(reader, reader.Required("types"), diagnostics);
        if (diagnostics.Count > 0 || name is null)
        {
            return Result<FactVocabulary>.Failure(diagnostics);
        }

        var vocabulary = FactVocabulary.Create(name, types, out var problems);
        return vocabulary is null ? Result<FactVocabulary>.Failure(problems) : Result<FactVocabulary>.Success(vocabulary);
    }

    /// <summary>Reads a mapping of type name to type declaration.</summary>
    public static List<FactType> ReadTypes(MappingReader parent, YamlNode? node, List<Diagnostic> diagnostics)
    {
        var types = new List<FactType>();
        var mapping = parent.Mapping("types", node, $"'types' in {parent.Context} must be a mapping of type name to its fields");
        if (mapping is null)
        {
            return types;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            var context = $"fact type '{key.Value}'";
            if (value is not YamlMapping typeMapping)
            {
                if (value is not YamlRejected)
                {
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"{context} must be a mapping with 'fields' (and optionally 'description'), not {value.Shape}", value.Location));
                }

                continue;
            }

            var type = new MappingReader(typeMapping, context, TypeKeys, diagnostics);
            var description = type.OptionalText("description");
            var fields = new List<FieldDefinition>();
            var fieldsMapping = type.Mapping("fields", type.Optional("fields"), $"'fields' of {context} must be a mapping of field name to type");
            foreach (var (fieldKey, fieldValue) in fieldsMapping?.Entries ?? [])
            {
                if (ReadField(key.Value, fieldKey, fieldValue, diagnostics) is { } field)
                {
                    fields.Add(field);
                }
            }

            types.Add(new FactType(key.Value, fields, description, key.Location));
        }

        return types;
    }

    private static FieldDefinition? ReadField(string typeName, YamlScalar key, YamlNode value, List<Diagnostic> diagnostics)
    {
        var context = $"field '{typeName}.{key.Value}'";
        switch (value)
        {
            case YamlRejected:
                return null;
            case YamlScalar { IsEmpty: false } scalar:
                var kind = Kind(scalar, context, diagnostics);
                if (kind is "enumeration" or "set" or "reference")
                {
                    var extra = kind == "reference" ? "to: <type>" : "values: [...]";
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.MissingKey, $"{context} is {Article(kind)}, which needs '{(kind == "reference" ? "to" : "values")}'; write {{ type: {kind}, {extra} }}", scalar.Location));
                    return null;
                }

                return kind is null ? null : new FieldDefinition(key.Value, Simple(kind), null, key.Location);
            case YamlMapping mapping:
                var field = new MappingReader(mapping, context, FieldKeys, diagnostics);
                var typeNode = field.Scalar("type", field.Required("type"));
                var description = field.OptionalText("description");
                var fieldKind = typeNode is null ? null : Kind(typeNode, context, diagnostics);
                var valuesNode = field.Optional("values");
                var toNode = field.Optional("to");
                if (valuesNode is not null && fieldKind is not (null or "enumeration" or "set"))
                {
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.UnknownKey, $"'values' applies only to enumeration and set fields, and {context} is {Article(fieldKind)}", field.KeyNode("values")!.Location));
                }

                if (toNode is not null && fieldKind is not (null or "reference"))
                {
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.UnknownKey, $"'to' applies only to reference fields, and {context} is {Article(fieldKind)}", field.KeyNode("to")!.Location));
                }

                FieldType? type = fieldKind switch
                {
                    null => null,
                    "enumeration" => Values(field, diagnostics) is { } values ? FieldType.Enumeration(values) : null,
                    "set" => Values(field, diagnostics) is { } values ? FieldType.EnumerationSet(values) : null,
                    "reference" => field.RequiredText("to") is { } to ? FieldType.Reference(to) : null,
                    _ => Simple(fieldKind),
                };
                return type is null ? null : new FieldDefinition(key.Value, type, description, key.Location);
            default:
                diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"{context} must be a type name such as text, or a mapping with 'type', not {value.Shape}", value.Location));
                return null;
        }
    }

    private static List<string>? Values(MappingReader field, List<Diagnostic> diagnostics)
    {
        var sequence = field.Sequence("values", field.Required("values"));
        if (sequence is null)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (field.Scalar("values", item) is { } scalar)
            {
                values.Add(scalar.Value);
            }
        }

        if (sequence.Items.Count == 0)
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"'values' of {field.Context} must list at least one value", sequence.Location));
        }

        return values.Count == sequence.Items.Count && values.Count > 0 ? values : null;
    }

    private static string? Kind(YamlScalar scalar, string context, List<Diagnostic> diagnostics)
    {
        if (Kinds.Contains(scalar.Value, StringComparer.Ordinal))
        {
            return scalar.Value;
        }

        diagnostics.Add(new Diagnostic(
            YamlDiagnosticCodes.InvalidValue,
            $"the type of {context} must be one of {string.Join(", ", Kinds)}, not '{scalar.Value}'{Suggestions.DidYouMean(scalar.Value, Kinds)}",
            scalar.Location));
        return null;
    }

    private static FieldType Simple(string kind) => kind switch
    {
        "text" => FieldType.Text,
        "yes-no" => FieldType.YesNo,
        "number" => FieldType.Number,
        "instant" => FieldType.Instant,
        _ => FieldType.Duration,
    };

    private static string Article(string kind) => kind is "enumeration" or "instant" ? $"an {kind}" : $"a {kind}";
}
