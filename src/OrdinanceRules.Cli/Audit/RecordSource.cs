using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Cli.Audit;

/// <summary>One record as read: its line in the records file, and the scenario text it stands for, or why it has none.</summary>
internal readonly record struct AuditRecord(long Line, string? Scenario, Diagnostic? Problem);

/// <summary>
/// Reads records one at a time, never the whole file: NDJSON lines (each a scenario in JSON, read as the service
/// reads a JSON body) or CSV rows, each turned into a scenario by the mapping's template.
/// </summary>
internal abstract class RecordSource : IDisposable
{
    public abstract string Name { get; }

    /// <summary>How far through the file, from 0 to 1, for the progress bar.</summary>
    public abstract double Progress { get; }

    public static RecordSource? Open(string path, RecordTemplate? template, List<Diagnostic> problems)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!File.Exists(path))
        {
            problems.Add(new Diagnostic(CliDiagnosticCodes.AuditCannotRead, $"{path}: no such records file"));
            return null;
        }

        switch (extension)
        {
            case ".ndjson" or ".jsonl":
                return new NdjsonSource(path);
            case ".csv" when template is null:
                problems.Add(new Diagnostic(CliDiagnosticCodes.AuditCannotRead, $"{path}: CSV records need --mapping, a scenario file with ${{column}} placeholders (docs/audit.md)"));
                return null;
            case ".csv":
                return CsvSource.OpenCsv(path, template!, problems);
            default:
                problems.Add(new Diagnostic(CliDiagnosticCodes.AuditCannotRead, $"{path}: records must be .ndjson, .jsonl or .csv, not '{extension}'"));
                return null;
        }
    }

    /// <summary>The next record; false at the end of the file.</summary>
    public abstract bool TryRead(out AuditRecord record);

    public abstract void Dispose();

    private sealed class NdjsonSource(string path) : RecordSource
    {
        private readonly StreamReader _reader = new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        private long _line;

        public override string Name => Path.GetFileName(path);

        public override double Progress => _reader.BaseStream.Length == 0 ? 1 : (double)_reader.BaseStream.Position / _reader.BaseStream.Length;

        public override bool TryRead(out AuditRecord record)
        {
            while (_reader.ReadLine() is { } text)
            {
                _line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                record = Syntax(text) is { } problem
                    ? new AuditRecord(_line, null, problem)
                    : new AuditRecord(_line, Server.DecisionRequest.PlainUnknowns(text), null);
                return true;
            }

            record = default;
            return false;
        }

        public override void Dispose() => _reader.Dispose();

        private static Diagnostic? Syntax(string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
                return document.RootElement.ValueKind == JsonValueKind.Object ? null : new Diagnostic(CliDiagnosticCodes.BadRecord, "the line is not a JSON object: write one scenario a line");
            }
            catch (JsonException ex)
            {
                var message = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].Trim();
                return new Diagnostic(CliDiagnosticCodes.BadRecord, $"the line is not well-formed JSON: {message}", new SourceLocation(string.Empty, 1, (int)(ex.BytePositionInLine ?? 0) + 1));
            }
        }
    }

    private sealed class CsvSource : RecordSource
    {
        private readonly string _path;
        private readonly FileStream _stream;
        private readonly CsvReader _csv;
        private readonly RecordTemplate _template;
        private readonly int[] _columns;
        private readonly string[] _values;

        private CsvSource(string path, FileStream stream, CsvReader csv, RecordTemplate template, int[] columns)
        {
            _path = path;
            _stream = stream;
            _csv = csv;
            _template = template;
            _columns = columns;
            _values = new string[columns.Length];
        }

        public override string Name => Path.GetFileName(_path);

        public override double Progress => _stream.Length == 0 ? 1 : (double)_csv.ByteOffset / _stream.Length;

        public static CsvSource? OpenCsv(string path, RecordTemplate template, List<Diagnostic> problems)
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var csv = CsvReader.Create(stream, new CsvReaderOptions { TrackLineNumbers = true }, leaveOpen: true);
            csv.ReadHeader();
            var headers = csv.Headers.ToArray();
            var columns = new int[template.Columns.Count];
            for (var i = 0; i < template.Columns.Count; i++)
            {
                var (name, location) = template.Columns[i];
                columns[i] = Array.IndexOf(headers, name);
                if (columns[i] < 0)
                {
                    problems.Add(new Diagnostic(CliDiagnosticCodes.BadMapping, $"${{{name}}}: {Path.GetFileName(path)} has no column '{name}'; its columns are: {string.Join(", ", headers)}", location));
                }
            }

            if (problems.Count > 0)
            {
                csv.Dispose();
                stream.Dispose();
                return null;
            }

            return new CsvSource(path, stream, csv, template, columns);
        }

        public override bool TryRead(out AuditRecord record)
        {
            if (!_csv.Read())
            {
                record = default;
                return false;
            }

            var line = _csv.LineNumber;
            for (var i = 0; i < _columns.Length; i++)
            {
                if (_columns[i] >= _csv.FieldCount)
                {
                    record = new AuditRecord(line, null, new Diagnostic(CliDiagnosticCodes.BadRecord, $"the row has {_csv.FieldCount} fields, fewer than the header's {_csv.Headers.Count}"));
                    return true;
                }

                _values[i] = _csv.GetString(_columns[i]);
            }

            record = new AuditRecord(line, _template.Fill(_values), null);
            return true;
        }

        public override void Dispose()
        {
            _csv.Dispose();
            _stream.Dispose();
        }
    }
}

/// <summary>
/// A mapping file: a scenario in which <c>${column}</c> stands for a CSV column. A placeholder that is a whole value is
/// written as a plain scalar when the value is a simple word, number or instant, quoted otherwise, and as
/// <c>unknown</c> when the cell is empty; inside a quoted scalar it is escaped for the quotes. Values never hold a
/// line break, so a problem of a filled-in scenario is on the template's own line.
/// </summary>
internal sealed partial class RecordTemplate
{
    private readonly string[] _parts;
    private readonly int[] _slots;
    private readonly bool[] _quoted;

    private RecordTemplate(string[] parts, int[] slots, bool[] quoted, List<(string, SourceLocation)> columns)
    {
        _parts = parts;
        _slots = slots;
        _quoted = quoted;
        Columns = columns;
    }

    /// <summary>Each column the template names, once, with where it first appears.</summary>
    public IReadOnlyList<(string Name, SourceLocation Location)> Columns { get; }

    public static RecordTemplate? Load(string path, List<Diagnostic> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(new Diagnostic(CliDiagnosticCodes.BadMapping, $"{path}: no such mapping file"));
            return null;
        }

        var text = File.ReadAllText(path);
        var parts = new List<string>();
        var slots = new List<int>();
        var quoted = new List<bool>();
        var columns = new List<(string, SourceLocation)>();
        var last = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            var before = text[(text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1)..match.Index];
            if (before.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var name = match.Groups[1].Value;
            var index = columns.FindIndex(c => c.Item1 == name);
            if (index < 0)
            {
                var lineStart = text.LastIndexOf('\n', Math.Max(0, match.Index - 1)) + 1;
                var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                columns.Add((name, new SourceLocation(path, line, match.Index - lineStart + 1)));
                index = columns.Count - 1;
            }

            parts.Add(text[last..match.Index]);
            slots.Add(index);
            quoted.Add(before.Count(c => c == '"') % 2 == 1);
            last = match.Index + match.Length;
        }

        parts.Add(text[last..]);
        if (columns.Count == 0)
        {
            problems.Add(new Diagnostic(CliDiagnosticCodes.BadMapping, "the mapping names no column: write ${column} where a row's value goes", new SourceLocation(path, 1, 1)));
            return null;
        }

        return new RecordTemplate([.. parts], [.. slots], [.. quoted], columns);
    }

    /// <summary>The scenario for one row, given the values of <see cref="Columns"/> in order.</summary>
    public string Fill(IReadOnlyList<string> values)
    {
        var text = new StringBuilder(_parts[0]);
        for (var i = 0; i < _slots.Length; i++)
        {
            var value = values[_slots[i]].ReplaceLineEndings(" ");
            if (_quoted[i])
            {
                text.Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal));
            }
            else if (value.Length == 0)
            {
                text.Append("unknown");
            }
            else
            {
                text.Append(Plain().IsMatch(value) ? value : JsonSerializer.Serialize(value));
            }

            text.Append(_parts[i + 1]);
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_ .-]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.:+-]*$")]
    private static partial Regex Plain();
}
