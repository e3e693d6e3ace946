using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>
/// Maps vocabulary files, and the <c>types:</c> an ordinance adds, to fact types. A file with <c>extends:</c> is an
/// extension: it writes under each type of its base only what the type gains (<c>add-fields</c>, <c>add-values</c>),
/// and new types in full.
/// </summary>
internal static class VocabularyReader
{
    private static readonly string[] AdditiveKeys = ["add-fields", "add-values"];

    internal static readonly string[] FileKeys = ["vocabulary", "extends", "description", "types"];
    internal static readonly string[] TypeKeys = ["description", "fields", "add-fields", "add-values"];
    internal static readonly string[] FieldKeys = ["type", "values", "to", "description", "sensitive", "default"];
    internal static readonly string[] Kinds = ["text", "yes-no", "number", "instant", "duration", "enumeration", "set", "reference"];

    /// <summary>Reads a vocabulary file; an <c>extends:</c> path is read relative to it, from disk.</summary>
    public static Result<FactVocabulary> Read(string text, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var sources = VocabularySources.OnDisk(file, YamlReadOptions.Default, diagnostics);
        var result = Read(text, file, sources, sources.Root, sources.RootChain);
        return diagnostics.Count == 0 ? result : Result<FactVocabulary>.Failure([.. diagnostics, .. result.Diagnostics]);
    }

    /// <summary>Reads a vocabulary file found through <paramref name="sources"/>, as the <paramref name="link"/> of a chain.</summary>
    public static Result<FactVocabulary> Read(string text, string file, VocabularySources sources, VocabularySources.Link link, ImmutableHashSet<string> chain)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlTreeReader.ReadRootMapping(text, file, diagnostics);
        if (root is null)
        {
            return Result<FactVocabulary>.Failure(diagnostics);
        }

        var reader = new MappingReader(root, "the vocabulary", FileKeys, diagnostics);
        var name = reader.RequiredText("vocabulary");
        var description = reader.OptionalText("description");
        var extendsNode = reader.Scalar("extends", reader.Optional("extends"));
        var before = diagnostics.Count;
        var @base = extendsNode is null ? null : sources.Resolve(extendsNode, "extends", link, chain, diagnostics);
        if (extendsNode is not null && (@base is null || diagnostics.Count > before))
        {
            // The base's own problems are reported at its file; this file's types cannot be checked against a base that did not load.
            return Result<FactVocabulary>.Failure(DiagnosticOrder.Sort(diagnostics, file));
        }

        var read = ReadTypes(reader, reader.Required("types"), diagnostics, @base, legacyFields: false);
        if (diagnostics.Count > 0 || name is null)
        {
            return Result<FactVocabulary>.Failure(DiagnosticOrder.Sort(diagnostics, file));
        }

        IReadOnlyList<Diagnostic> problems;
        var vocabulary = @base is null
            ? FactVocabulary.Create(name, read.Types, out problems)
            : @base.Extend(name, new VocabularyExtension(read.Types, read.Extension.Fields, read.Extension.Values), out problems);
        return vocabulary is null ? Result<FactVocabulary>.Failure(problems) : Result<FactVocabulary>.Success(vocabulary.WithDescription(description));
    }

    /// <summary>
    /// Reads a mapping of type name to type declaration. Without a base, every type is new. With one, a type the
    /// base has says what it gains under <c>add-fields</c> and <c>add-values</c> (collected in the extension), and a
    /// new type is declared in full; <paramref name="legacyFields"/> also lets <c>fields</c> add to a base type, the
    /// older form an ordinance's <c>types:</c> may still use (returned among the types, for
    /// <see cref="FactVocabulary.Extend(string, IEnumerable{FactType}, out IReadOnlyList{Diagnostic})"/>).
    /// </summary>
    public static (List<FactType> Types, VocabularyExtension Extension) ReadTypes(MappingReader parent, YamlNode? node, List<Diagnostic> diagnostics, FactVocabulary? @base, bool legacyFields)
    {
        var types = new List<FactType>();
        var addedFields = new List<FieldAddition>();
        var addedValues = new List<ValueAddition>();
        var mapping = parent.Mapping("types", node, $"'types' in {parent.Context} must be a mapping of type name to its fields");
        foreach (var (key, value) in mapping?.Entries ?? [])
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
            FactType? existing = null;
            var inBase = @base is not null && @base.TryGetType(key.Value, out existing);
            if (inBase)
            {
                ReadAdditions(type, existing!, @base!.Name, legacyFields, types, addedFields, addedValues, diagnostics);
                continue;
            }

            foreach (var additive in AdditiveKeys.Where(type.Has))
            {
                var message = @base is null
                    ? $"'{additive}' adds to a type of the vocabulary this one extends, and {context} has none to add to: name it with 'extends:' (or, in an ordinance, 'uses:'), or list the type's fields under 'fields'"
                    : $"'{additive}' adds to a type of '{@base.Name}', which has no type '{key.Value}'{Suggestions.DidYouMean(key.Value, @base.Types.Select(t => t.Name))}; a new type lists its fields under 'fields'";
                diagnostics.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, message, type.KeyNode(additive)!.Location));
            }

            var description = type.OptionalText("description");
            types.Add(new FactType(key.Value, ReadFields(type, "fields", key.Value, diagnostics), description, key.Location));
        }

        return (types, new VocabularyExtension(fields: addedFields, values: addedValues));
    }

    /// <summary>What a type of the base gains: <c>add-fields</c> and <c>add-values</c> (and, in the older form, <c>fields</c>).</summary>
    private static void ReadAdditions(MappingReader type, FactType existing, string baseName, bool legacyFields, List<FactType> types, List<FieldAddition> addedFields, List<ValueAddition> addedValues, List<Diagnostic> diagnostics)
    {
        if (type.Has("description") && !legacyFields)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"fact type '{existing.Name}' is declared by '{baseName}', whose description stands; an extension adds fields and values only", type.KeyNode("description")!.Location));
        }

        if (type.Has("fields") || (legacyFields && type.Has("description")))
        {
            if (legacyFields)
            {
                types.Add(new FactType(existing.Name, ReadFields(type, "fields", existing.Name, diagnostics), null, type.Location));
            }
            else
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"fact type '{existing.Name}' is declared by '{baseName}'; write the fields it gains under 'add-fields' and the values its enumerations gain under 'add-values'", type.KeyNode("fields")!.Location));
            }
        }

        addedFields.AddRange(ReadFields(type, "add-fields", existing.Name, diagnostics).Select(f => new FieldAddition(existing.Name, f)));
        var values = type.Mapping("add-values", type.Optional("add-values"), $"'add-values' of fact type '{existing.Name}' must be a mapping of a field name to the values it gains, such as kind: [stop]");
        foreach (var (fieldKey, list) in values?.Entries ?? [])
        {
            var read = ReadValues(type, $"'add-values' of '{existing.Name}.{fieldKey.Value}'", list, diagnostics);
            addedValues.AddRange((read ?? []).Select(v => new ValueAddition(existing.Name, fieldKey.Value, v.Value, v.Description, v.Location ?? fieldKey.Location)));
        }
    }

    private static List<FieldDefinition> ReadFields(MappingReader type, string key, string typeName, List<Diagnostic> diagnostics)
    {
        var fields = new List<FieldDefinition>();
        var mapping = type.Mapping(key, type.Optional(key), $"'{key}' of {type.Context} must be a mapping of field name to type");
        foreach (var (fieldKey, fieldValue) in mapping?.Entries ?? [])
        {
            if (ReadField(typeName, fieldKey, fieldValue, diagnostics) is { } field)
            {
                fields.Add(field);
            }
        }

        return fields;
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
                    var alternative = kind == "set" ? " (a set of values), or { type: set, to: <type> } (a set of references)" : string.Empty;
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.MissingKey, $"{context} is {Article(kind)}, which needs '{(kind == "reference" ? "to" : "values")}'; write {{ type: {kind}, {extra} }}{alternative}", scalar.Location));
                    return null;
                }

                return kind is null ? null : new FieldDefinition(key.Value, Simple(kind), null, key.Location);
            case YamlMapping mapping:
                var field = new MappingReader(mapping, context, FieldKeys, diagnostics);
                var typeNode = field.Scalar("type", field.Required("type"));
                var description = field.OptionalText("description");
                var sensitive = field.Optional("sensitive") is { } sensitiveNode ? YesNo.Read(field, "sensitive", sensitiveNode) : false;
                var fieldKind = typeNode is null ? null : Kind(typeNode, context, diagnostics);
                var valuesNode = field.Optional("values");
                var toNode = field.Optional("to");
                if (valuesNode is not null && fieldKind is not (null or "enumeration" or "set"))
                {
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.UnknownKey, $"'values' applies only to enumeration and set fields, and {context} is {Article(fieldKind)}", field.KeyNode("values")!.Location));
                }

                var defaultNode = field.Optional("default");

                if (toNode is not null && fieldKind is not (null or "reference" or "set"))
                {
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.UnknownKey, $"'to' applies only to reference and set fields, and {context} is {Article(fieldKind)}", field.KeyNode("to")!.Location));
                }

                // A set holds either values from a closed list (values: [...]) or references to facts of one type (to: <type>).
                var referenceSet = fieldKind == "set" && toNode is not null;
                if (referenceSet && valuesNode is not null)
                {
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.UnknownKey, $"{context} gives both 'values' and 'to': a set holds values from a list (values: [...]) or references to facts of one type (to: <type>), not both; keep one", field.KeyNode("values")!.Location));
                }

                var values = fieldKind is "enumeration" || (fieldKind == "set" && !referenceSet) ? ReadValues(field, $"'values' of {context}", field.Required("values"), diagnostics) : null;
                FieldType? type = fieldKind switch
                {
                    null => null,
                    "enumeration" => values is null ? null : FieldType.Enumeration(values.Select(v => v.Value)),
                    "set" when referenceSet => field.RequiredText("to") is { } members ? FieldType.ReferenceSet(members) : null,
                    "set" => values is null ? null : FieldType.EnumerationSet(values.Select(v => v.Value)),
                    "reference" => field.RequiredText("to") is { } to ? FieldType.Reference(to) : null,
                    _ => Simple(fieldKind),
                };
                var defaultValue = defaultNode is null || fieldKind is null ? null : ReadDefault(field, fieldKind, values?.Select(v => v.Value).ToList(), defaultNode);
                return type is null || sensitive is null || (defaultNode is not null && defaultValue is null) ? null : new FieldDefinition(key.Value, type, description, key.Location)
                {
                    Sensitive = sensitive.Value,
                    Default = defaultValue,
                    ValueDescriptions = values is null
                        ? ImmutableDictionary<string, string>.Empty
                        : values.Where(v => v.Description is not null).GroupBy(v => v.Value, StringComparer.Ordinal).ToImmutableDictionary(g => g.Key, g => g.First().Description!, StringComparer.Ordinal),
                };
            default:
                diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"{context} must be a type name such as text, or a mapping with 'type', not {value.Shape}", value.Location));
                return null;
        }
    }

    /// <summary>
    /// A field's <c>default</c>: plain yes or no for a yes/no field; for an enumeration, one of its values or none; for
    /// any other kind, none (no value; for a set, the empty set). Null when it does not fit (reported at the value).
    /// </summary>
    private static FieldDefault? ReadDefault(MappingReader field, string kind, List<string>? values, YamlNode node)
    {
        if (kind == "yes-no")
        {
            return YesNo.Read(field, "default", node) is { } yesNo ? FieldDefault.YesNo(yesNo) : null;
        }

        if (kind == "set" && node is YamlSequence { Items.Count: 0 })
        {
            return FieldDefault.None;
        }

        var scalar = field.Scalar("default", node);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.IsPlain && scalar.Value == "none")
        {
            return FieldDefault.None;
        }

        if (kind == "enumeration" && values is not null && values.Contains(scalar.Value, StringComparer.Ordinal))
        {
            return FieldDefault.Enumeration(scalar.Value);
        }

        var allowed = kind == "enumeration" && values is not null ? ["none", .. values] : new List<string> { "none" };
        var what = kind == "enumeration" ? "none or one of its values" : kind == "set" ? "none (the empty set)" : "none (no value)";
        var hint = Suggestions.DidYouMean(scalar.Value, allowed);
        field.Report(YamlDiagnosticCodes.InvalidValue, $"'default' in {field.Context} must be {what} for {Article(kind)} field, not '{scalar.Value}'{hint}", scalar.Location);
        return null;
    }

    /// <summary>
    /// A list of values (<c>[arrest, stop]</c>), or a mapping of each value to what it means
    /// (<c>{ stop: A traffic or pedestrian stop. }</c>); at least one. Null when reported.
    /// </summary>
    private static List<(string Value, string? Description, SourceLocation? Location)>? ReadValues(MappingReader parent, string context, YamlNode? node, List<Diagnostic> diagnostics)
    {
        var values = new List<(string, string?, SourceLocation?)>();
        var ok = true;
        switch (node)
        {
            case null or YamlRejected:
                return null;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    if (parent.Scalar("values", item) is { IsEmpty: false } scalar)
                    {
                        values.Add((scalar.Value, null, scalar.Location));
                    }
                    else
                    {
                        ok = false;
                    }
                }

                break;
            case YamlMapping mapping:
                foreach (var (key, meaning) in mapping.Entries)
                {
                    if (parent.Scalar("values", meaning) is { IsEmpty: false } text)
                    {
                        values.Add((key.Value, text.Value, key.Location));
                    }
                    else
                    {
                        ok = false;
                    }
                }

                break;
            default:
                diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"{context} must be a list of values, such as [arrest, stop], or a mapping of each value to its meaning, not {node.Shape}", node.Location));
                return null;
        }

        if (values.Count == 0 && ok)
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"{context} must list at least one value", node.Location));
            return null;
        }

        return ok ? values : null;
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
