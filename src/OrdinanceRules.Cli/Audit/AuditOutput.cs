using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using OrdinanceRules.Json;

namespace OrdinanceRules.Cli.Audit;

/// <summary>What one record came to: its report, or the located problem it was rejected for.</summary>
internal readonly record struct AuditOutcome(long Line, ComplianceReport? Report, Diagnostic? Problem);

/// <summary>One finding as the audit writes it, a line of NDJSON or a row of CSV.</summary>
internal sealed record AuditFinding(
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("facts")] string Facts,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("citation")] string Citation,
    [property: JsonPropertyName("reason")] string Reason)
{
    public static readonly string[] Columns = ["line", "scenario", "provision", "facts", "status", "citation", "reason"];

    public static IEnumerable<AuditFinding> Of(long line, ComplianceReport report) => report.Findings.Select(f => new AuditFinding(
        line, report.Scenario, f.ProvisionId, string.Join(' ', f.Facts.Select(b => $"{b.Variable}={b.FactId}")), OrdinanceJson.Word(f.Status), f.Citation, f.Reason));
}

[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(AuditFinding))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;

/// <summary>Writes findings as they come, in the records' order: NDJSON lines or CSV rows (RFC 4180, a header first).</summary>
internal abstract class FindingWriter : IDisposable
{
    public static FindingWriter Create(string format, TextWriter output) =>
        format == AuditSettings.Csv ? new CsvFindings(output) : new NdjsonFindings(output);

    public abstract void Write(AuditFinding finding);

    public abstract void Dispose();

    private sealed class NdjsonFindings(TextWriter output) : FindingWriter
    {
        private static readonly AuditJsonContext Context = new(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        public override void Write(AuditFinding finding) => output.WriteLine(JsonSerializer.Serialize(finding, Context.AuditFinding));

        public override void Dispose() => output.Flush();
    }

    private sealed class CsvFindings : FindingWriter
    {
        private readonly CsvWriter _csv;

        public CsvFindings(TextWriter output)
        {
            _csv = CsvWriter.Create(output, null, leaveOpen: true);
            _csv.WriteHeader(AuditFinding.Columns);
        }

        public override void Write(AuditFinding finding)
        {
            _csv.WriteField(finding.Line, default);
            _csv.WriteField(finding.Scenario);
            _csv.WriteField(finding.Provision);
            _csv.WriteField(finding.Facts);
            _csv.WriteField(finding.Status);
            _csv.WriteField(finding.Citation);
            _csv.WriteField(finding.Reason);
            _csv.EndRecord();
        }

        public override void Dispose()
        {
            _csv.Flush();
            _csv.Dispose();
        }
    }
}

/// <summary>
/// What the audit read and found, for its closing summary: every record read is either evaluated or rejected, the
/// findings are counted by provision and status, and the first problems are kept with their lines.
/// </summary>
internal sealed class AuditSummary
{
    public const int ProblemsKept = 10;

    private readonly SortedDictionary<string, SortedDictionary<string, long>> _counts = new(StringComparer.Ordinal);

    public long Read { get; private set; }

    public long Evaluated { get; private set; }

    public long Rejected { get; private set; }

    public long Violations { get; private set; }

    public List<Diagnostic> FirstProblems { get; } = [];

    public void Add(AuditOutcome outcome)
    {
        Read++;
        if (outcome.Report is not { } report)
        {
            Rejected++;
            if (FirstProblems.Count < ProblemsKept)
            {
                FirstProblems.Add(outcome.Problem!);
            }

            return;
        }

        Evaluated++;
        foreach (var finding in report.Findings)
        {
            if (!_counts.TryGetValue(finding.ProvisionId, out var statuses))
            {
                _counts[finding.ProvisionId] = statuses = new SortedDictionary<string, long>(StringComparer.Ordinal);
            }

            var word = OrdinanceJson.Word(finding.Status);
            statuses[word] = statuses.GetValueOrDefault(word) + 1;
            if (finding.Status == FindingStatus.Violated)
            {
                Violations++;
            }
        }
    }

    public void WriteTo(TextWriter writer, string records)
    {
        writer.WriteLine($"{records}: {Read} records read, {Evaluated} evaluated, {Rejected} rejected");
        foreach (var (provision, statuses) in _counts)
        {
            writer.WriteLine($"  {provision}: {string.Join(", ", statuses.Select(s => $"{s.Value} {s.Key}"))}");
        }

        if (Rejected > 0)
        {
            writer.WriteLine(Rejected > FirstProblems.Count ? $"The first {FirstProblems.Count} rejected records:" : "Rejected records:");
            foreach (var problem in FirstProblems)
            {
                writer.WriteLine("  " + problem);
            }
        }
    }
}
