using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>
/// Reads the keys of one mapping of a known format: reports unknown keys (with a suggestion) when
/// created, missing required keys and values of the wrong shape when asked for them.
/// </summary>
internal sealed class MappingReader
{
    private readonly YamlMapping _mapping;
    private readonly List<Diagnostic> _diagnostics;

    public MappingReader(YamlMapping mapping, string context, IReadOnlyList<string> keys, List<Diagnostic> diagnostics)
    {
        _mapping = mapping;
        _diagnostics = diagnostics;
        Context = context;
        foreach (var entry in mapping.Entries.Where(e => !keys.Contains(e.Key.Value, StringComparer.Ordinal)))
        {
            diagnostics.Add(new Diagnostic(
                YamlDiagnosticCodes.UnknownKey,
                $"unknown key '{entry.Key.Value}' in {context}{Suggestions.DidYouMean(entry.Key.Value, keys)}",
                entry.Key.Location));
        }
    }

    /// <summary>What the mapping is, for messages, such as "provision 'P2'".</summary>
    public string Context { get; }

    public SourceLocation Location => _mapping.Location;

    /// <summary>The value of a key, or null when the key is absent (or its value was already rejected).</summary>
    public YamlNode? Optional(string key) => _mapping[key] is { } node and not YamlRejected ? node : null;

    /// <summary>The value of a key; reports it missing when absent.</summary>
    public YamlNode? Required(string key)
    {
        var node = _mapping[key];
        if (node is null)
        {
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.MissingKey, $"missing required key '{key}' in {Context}", _mapping.Location));
        }

        return node is YamlRejected ? null : node;
    }

    public bool Has(string key) => _mapping[key] is not null;

    public YamlScalar? KeyNode(string key) => _mapping.Entries.FirstOrDefault(e => e.Key.Value == key)?.Key;

    public string? RequiredText(string key) => Text(key, Required(key));

    public string? OptionalText(string key) => Text(key, Optional(key));

    public ConditionText? RequiredCondition(string key) => Condition(key, Required(key));

    public ConditionText? OptionalCondition(string key) => Condition(key, Optional(key));

    /// <summary>A mapping value, or null (reported) when the value has another shape.</summary>
    public YamlMapping? Mapping(string key, YamlNode? node, string? shapeMessage = null)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlMapping mapping:
                return mapping;
            default:
                _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, shapeMessage ?? $"'{key}' in {Context} must be a mapping, not {node.Shape}", node.Location));
                return null;
        }
    }

    /// <summary>A list value, or null (reported) when the value has another shape.</summary>
    public YamlSequence? Sequence(string key, YamlNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlSequence sequence:
                return sequence;
            default:
                _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"'{key}' in {Context} must be a list, not {node.Shape}", node.Location));
                return null;
        }
    }

    /// <summary>A non-empty scalar, or null (reported) when the value is missing text or has another shape.</summary>
    public YamlScalar? Scalar(string key, YamlNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlScalar { IsEmpty: false } scalar when !string.IsNullOrWhiteSpace(scalar.Value):
                return scalar;
            case YamlScalar:
                // A blank value (only spaces) is no value: names, ids and titles must say something.
                _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"'{key}' in {Context} has no value", node.Location));
                return null;
            default:
                _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"'{key}' in {Context} must be text, not {node.Shape}", node.Location));
                return null;
        }
    }

    public string? Text(string key, YamlNode? node) => Scalar(key, node)?.Value;

    public ConditionText? Condition(string key, YamlNode? node) =>
        Scalar(key, node) is { } scalar ? new ConditionText(scalar.Value, scalar.ContentLocation) : null;

    /// <summary>Reports a problem with a value of this mapping.</summary>
    public void Report(string code, string message, SourceLocation location) =>
        _diagnostics.Add(new Diagnostic(code, message, location));

    /// <summary>The text of a key's value when it is a non-empty scalar, without reporting anything.</summary>
    public static string? Peek(YamlMapping mapping, string key) =>
        mapping[key] is YamlScalar { IsEmpty: false } scalar ? scalar.Value : null;
}
