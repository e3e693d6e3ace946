using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OrdinanceRules.Analysis.Json;
using OrdinanceRules.Json;

namespace OrdinanceRules.Cli.Tests.Schemas;

/// <summary>
/// The JSON Schemas of the contract's documents, built from the C# types by reflection: each record is a <c>$defs</c>
/// entry, its properties the constructor's parameters under their <c>[JsonPropertyName]</c>, required unless the
/// parameter is optional (written only when it has a value).
/// </summary>
internal static class OutputSchemas
{
    /// <summary>Each document type by the name of its file under schemas/.</summary>
    public static readonly (string Name, Type Type, string Title)[] Documents =
    [
        ("reports", typeof(ReportsDocument), "What `ordinance check --format json` and OrdinanceJson.Reports write (docs/json.md)."),
        ("explanations", typeof(ExplanationsDocument), "What `ordinance explain --format json` and OrdinanceJson.Explanations write (docs/json.md)."),
        ("what-if", typeof(WhatIfDocument), "What `ordinance what-if --format json`, OrdinanceJson.Unknowns and OrdinanceJson.Changes write (docs/json.md)."),
        ("test-run", typeof(TestRunDocument), "What `ordinance test --format json` and OrdinanceJson.TestRun write (docs/json.md)."),
        ("comparison", typeof(ComparisonDocument), "What `ordinance compare --format json` writes (docs/json.md)."),
        ("interview", typeof(InterviewDocument), "What `ordinance interview --format json`, POST /v1/interview and OrdinanceJson.Interview write (docs/interview.md)."),
        ("readings", typeof(ReadingsDocument), "What `ordinance readings --format json` and OrdinanceJson.Readings write (docs/json.md)."),
        ("validation", typeof(ValidationDocument), "What `ordinance validate --format json` writes (docs/json.md)."),
        ("init", typeof(InitDocument), "What `ordinance init --format json` writes (docs/json.md)."),
        ("vocabulary-reference", typeof(VocabularyDocument), "What `ordinance vocabulary --format json` and OrdinanceJson.Vocabulary write (docs/json.md)."),
        ("samples", typeof(SamplesDocument), "What `ordinance samples list --format json` and `ordinance samples copy --format json` write (docs/json.md)."),
        ("analysis", typeof(AnalysisDocument), "What `ordinance analyze --format json` and AnalysisJson.Analysis write (docs/json.md, docs/analysis.md)."),
        ("diff", typeof(DiffDocument), "What `ordinance diff --format json` and AnalysisJson.Diff write (docs/json.md, docs/analysis.md)."),
    ];

    public static IReadOnlyDictionary<string, JsonObject> All() =>
        Documents.ToDictionary(d => d.Name, d => Document(d.Type, d.Title), StringComparer.Ordinal);

    private static JsonObject Document(Type type, string title)
    {
        var defs = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        Define(type, defs);
        return SchemaFiles.Schema(title, type.Name, defs.ToDictionary(d => d.Key, JsonNode (d) => d.Value));
    }

    private static void Define(Type type, SortedDictionary<string, JsonObject> defs)
    {
        if (defs.ContainsKey(type.Name))
        {
            return;
        }

        var properties = new JsonObject();
        var required = new JsonArray();
        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        defs[type.Name] = schema;
        foreach (var parameter in type.GetConstructors().Single().GetParameters())
        {
            var property = type.GetProperty(parameter.Name!)!;
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{type.Name}.{property.Name} has no [JsonPropertyName]: every name of the contract is fixed.");
            properties[name] = name == "schemaVersion" ? new JsonObject { ["const"] = OrdinanceJson.SchemaVersion } : Value(property.PropertyType, defs);
            if (!parameter.HasDefaultValue)
            {
                required.Add(name);
            }
        }

        schema["required"] = required;
    }

    private static JsonObject Value(Type type, SortedDictionary<string, JsonObject> defs)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Value(underlying, defs);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return new JsonObject { ["type"] = "array", ["items"] = Value(type.GetGenericArguments()[0], defs) };
        }

        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(int))
        {
            return new JsonObject { ["type"] = "integer" };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableSortedDictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = Value(type.GetGenericArguments()[1], defs) };
        }

        if (type == typeof(decimal) || type == typeof(double))
        {
            return new JsonObject { ["type"] = "number" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(DateTimeOffset))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (type.Namespace == typeof(OrdinanceJson).Namespace || type.Namespace == typeof(AnalysisJson).Namespace)
        {
            Define(type, defs);
            return new JsonObject { ["$ref"] = $"#/$defs/{type.Name}" };
        }

        throw new InvalidOperationException($"The contract holds a {type.Name}, which the schema generator does not know.");
    }
}
