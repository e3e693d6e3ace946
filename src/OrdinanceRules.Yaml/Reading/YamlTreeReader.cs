using System.Text;
using System.Text.RegularExpressions;
using OrdinanceRules.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace OrdinanceRules.Yaml.Reading;

/// <summary>
/// Reads YAML text into a tree of <see cref="YamlNode"/>s with their locations, using YamlDotNet's
/// event parser (never its object deserializer). Enforces the limits of <see cref="YamlLimits"/>,
/// rejects anchors, aliases, tags and duplicate keys, and turns syntax errors into diagnostics.
/// </summary>
internal sealed partial class YamlTreeReader
{
    private readonly string _file;
    private readonly string[] _lines;
    private readonly List<Diagnostic> _diagnostics;
    private readonly IParser _parser;
    private SourceLocation _lastLocation;

    private YamlTreeReader(string text, string file, List<Diagnostic> diagnostics)
    {
        _file = file;
        _lines = text.Split('\n');
        _diagnostics = diagnostics;
        _parser = new Parser(new StringReader(text));
        _lastLocation = new SourceLocation(file, 1, 1);
    }

    /// <summary>Reads a document whose root must be a mapping.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file's name, for locations.</param>
    /// <param name="diagnostics">Receives every problem found.</param>
    /// <returns>The root mapping, or null when the text is not a readable YAML mapping.</returns>
    public static YamlMapping? ReadRootMapping(string text, string file, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) > YamlLimits.MaxFileBytes)
        {
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"the file is larger than {YamlLimits.MaxFileBytes / 1024 / 1024} MiB", new SourceLocation(file, 1, 1)));
            return null;
        }

        var reader = new YamlTreeReader(text, file, diagnostics);
        try
        {
            var root = reader.ReadStream();
            switch (root)
            {
                case null:
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, "the file is empty; it must be a mapping of keys to values", new SourceLocation(file, 1, 1)));
                    return null;
                case YamlMapping mapping:
                    return mapping;
                case YamlRejected:
                    return null;
                default:
                    diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"the file must be a mapping of keys to values, not {root.Shape}", root.Location));
                    return null;
            }
        }
        catch (NestingLimitException)
        {
            return null;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(TabIndentation(text, file, (int)ex.Start.Line, ex.Message)
                ?? new Diagnostic(YamlDiagnosticCodes.Syntax, CleanMessage(ex.Message), reader.ToLocation(ex.Start)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up on some malformed input with this rather than a YamlException.
            diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.Syntax, "the YAML cannot be read past this point; check the indentation, quotes and brackets here", reader._lastLocation));
            return null;
        }
    }

    /// <summary>
    /// The parser blames a tab on the line it was scanning, often the one before: the problem is reported where the tab
    /// is, the first line from there whose indentation holds one. Null when the error is not about a tab.
    /// </summary>
    private static Diagnostic? TabIndentation(string text, string file, int errorLine, string message)
    {
        if (!message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = Math.Max(0, errorLine - 1); i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return new Diagnostic(YamlDiagnosticCodes.Syntax, "this line is indented with a tab; YAML indents with spaces only", new SourceLocation(file, i + 1, tab + 1));
            }
        }

        return null;
    }

    private YamlNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode(1);
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, "a file holds one YAML document; remove the second '---' and what follows", ToLocation(second.Start)));
        }

        return root;
    }

    private YamlNode ReadNode(int depth)
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        var location = ToLocation(current.Start);
        _lastLocation = location;
        if (current is AnchorAlias alias)
        {
            _parser.MoveNext();
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.AnchorOrAlias, $"aliases such as '*{alias.Value}' are not allowed; write the value out", location));
            return new YamlRejected(location);
        }

        if (current is NodeEvent node)
        {
            if (!node.Anchor.IsEmpty)
            {
                _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.AnchorOrAlias, $"anchors such as '&{node.Anchor.Value}' are not allowed", location));
            }

            if (!node.Tag.IsEmpty && node.Tag.Value != "!")
            {
                _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"tags such as '{node.Tag.Value}' are not allowed; quote a value to make it text", location));
            }
        }

        switch (current)
        {
            case Scalar scalar:
                _parser.MoveNext();
                if (scalar.Value.Length > YamlLimits.MaxScalarLength)
                {
                    _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"a value is longer than {YamlLimits.MaxScalarLength / 1024} KiB", location));
                }

                return new YamlScalar(location, scalar.Value, scalar.Style, ContentLocation(scalar, location));

            case MappingStart:
                CheckDepth(depth, location);
                _parser.MoveNext();
                var entries = new List<YamlEntry>();
                var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
                while (!_parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(depth + 1);
                    var value = ReadNode(depth + 1);
                    if (keyNode is not YamlScalar key)
                    {
                        if (keyNode is not YamlRejected)
                        {
                            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.WrongShape, $"a key must be text, not {keyNode.Shape}", keyNode.Location));
                        }

                        continue;
                    }

                    if (seen.TryGetValue(key.Value, out var first))
                    {
                        _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.DuplicateKey, $"duplicate key '{key.Value}'; it is already set at line {first.Location.Line}", key.Location));
                        continue;
                    }

                    seen.Add(key.Value, key);
                    entries.Add(new YamlEntry(key, value));
                }

                return new YamlMapping(location, entries);

            case SequenceStart:
                CheckDepth(depth, location);
                _parser.MoveNext();
                var items = new List<YamlNode>();
                while (!_parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(depth + 1));
                }

                return new YamlSequence(location, items);

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private void CheckDepth(int depth, SourceLocation location)
    {
        if (depth > YamlLimits.MaxDepth)
        {
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"mappings and lists are nested more than {YamlLimits.MaxDepth} levels deep", location));
            throw new NestingLimitException();
        }
    }

    /// <summary>
    /// Where a scalar's text starts. Quoted: one column after the quote. Literal (<c>|</c>): the line after
    /// the indicator, at the block's indentation, so that a position inside the text maps back to the file.
    /// Folded (<c>&gt;</c>): the first line with content.
    /// </summary>
    private SourceLocation ContentLocation(Scalar scalar, SourceLocation start)
    {
        switch (scalar.Style)
        {
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
                return start.Shift(1);
            case ScalarStyle.Literal or ScalarStyle.Folded:
                // Lines are zero-based here; start.Line is the indicator's line, one-based.
                for (var i = start.Line; i < _lines.Length; i++)
                {
                    var line = _lines[i].TrimEnd('\r');
                    var indent = line.Length - line.TrimStart(' ').Length;
                    if (indent < line.Length)
                    {
                        return scalar.Style == ScalarStyle.Literal
                            ? new SourceLocation(_file, start.Line + 1, indent + 1)
                            : new SourceLocation(_file, i + 1, indent + 1);
                    }
                }

                return new SourceLocation(_file, start.Line + 1, 1);
            default:
                return start;
        }
    }

    private SourceLocation ToLocation(Mark mark) =>
        new(_file, (int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

    /// <summary>YamlDotNet prefixes its messages with both marks; the diagnostic carries the location already.</summary>
    private static string CleanMessage(string message)
    {
        var cleaned = MarkPrefix().Replace(message, string.Empty).Trim();
        return cleaned.Length == 0 ? "the text is not valid YAML" : char.ToLowerInvariant(cleaned[0]) + cleaned[1..].TrimEnd('.');
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant, 100)]
    private static partial Regex MarkPrefix();

    /// <summary>Stops reading at the nesting limit, which is reported once.</summary>
    private sealed class NestingLimitException : Exception
    {
    }
}
