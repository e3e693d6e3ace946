using OrdinanceRules.Diagnostics;
using YamlDotNet.Core;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>A node of a parsed YAML document, with the place it starts in its file.</summary>
internal abstract class YamlNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>The node's shape in words, for messages: "text", "a mapping", "a list".</summary>
    public abstract string Shape { get; }
}

/// <summary>A scalar: its text as YAML reads it, and how it was written.</summary>
internal sealed class YamlScalar(SourceLocation location, string value, ScalarStyle style, SourceLocation contentLocation)
    : YamlNode(location)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>Written without quotes or block indicator, so words such as <c>unknown</c> and <c>yes</c> keep their meaning.</summary>
    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>Where the scalar's text itself starts: after an opening quote, or on the first line of a block scalar.</summary>
    public SourceLocation ContentLocation { get; } = contentLocation;

    /// <summary>A plain scalar with no text: <c>key:</c> with nothing after it.</summary>
    public bool IsEmpty => IsPlain && Value.Length == 0;

    public override string Shape => IsEmpty ? "empty" : "text";
}

/// <summary>A mapping, its keys in order and distinct.</summary>
internal sealed class YamlMapping(SourceLocation location, IReadOnlyList<YamlEntry> entries) : YamlNode(location)
{
    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    public override string Shape => "a mapping";

    public YamlNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key)?.Value;
}

/// <summary>One key and its value.</summary>
internal sealed record YamlEntry(YamlScalar Key, YamlNode Value);

/// <summary>A sequence.</summary>
internal sealed class YamlSequence(SourceLocation location, IReadOnlyList<YamlNode> items) : YamlNode(location)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string Shape => "a list";
}

/// <summary>A node that was already reported as an error (an alias): readers skip it without saying more.</summary>
internal sealed class YamlRejected(SourceLocation location) : YamlNode(location)
{
    public override string Shape => "an alias";
}
