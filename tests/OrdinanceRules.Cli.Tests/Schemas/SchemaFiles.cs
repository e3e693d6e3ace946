using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OrdinanceRules.Cli.Schemas;
using YamlDotNet.RepresentationModel;

namespace OrdinanceRules.Cli.Tests.Schemas;

/// <summary>The checked-in schemas/ folder, the generated schemas, and the YAML-to-JSON conversion an editor makes.</summary>
internal static class SchemaFiles
{
    /// <summary>Set to 1 to rewrite schemas/ from the generators (docs/json.md, "Schemas").</summary>
    public const string UpdateVariable = "UPDATE_SCHEMAS";

    public static string Folder => Path.Combine(Samples.Root, "schemas");

    public static string PathOf(string name) => Path.Combine(Folder, name + ".schema.json");

    /// <summary>Every schema the generators make, by file name.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Generated() =>
        InputSchemas.All().Concat(OutputSchemas.All()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>A draft 2020-12 schema whose root is one of its <c>$defs</c>.</summary>
    public static JsonObject Schema(string title, string root, IEnumerable<KeyValuePair<string, JsonNode>> defs) =>
        FileSchemas.Document(title, root, defs);

    public static string Text(JsonNode schema) => FileSchemas.Text(schema);

    public static JsonSchema Load(string name) => JsonSchema.FromText(File.ReadAllText(PathOf(name)));

    /// <summary>Validates a JSON text against a checked-in schema; the errors, one a line, when it does not.</summary>
    public static string? Errors(string name, string json) => ErrorsAgainst(Load(name), json);

    /// <summary>Validates a JSON text against a schema's text; the errors, one a line, when it does not.</summary>
    public static string? ErrorsAgainstText(string schema, string json) => ErrorsAgainst(JsonSchema.FromText(schema), json);

    /// <summary>Validates a JSON text against a schema; the errors, one a line, when it does not.</summary>
    public static string? ErrorsAgainst(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new global::Json.Schema.EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? null
            : string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
    }

    /// <summary>A YAML file as JSON, as an editor's YAML extension sees it (YAML 1.2 core schema for plain scalars).</summary>
    public static string YamlAsJson(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            stream.Load(reader);
        }

        return Convert(stream.Documents[0].RootNode)?.ToJsonString() ?? "null";
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, Convert(e.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(value);
        }

        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(value.StartsWith('t') || value.StartsWith('T'));
        }

        return System.Text.RegularExpressions.Regex.IsMatch(value, @"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$") && decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(value);
    }
}
