using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Json;

namespace OrdinanceRules.Server;

/// <summary>
/// One line of the decision log: what was decided, on what, by which law (docs/service.md, "Decision log"). It holds no
/// fact's value: the facts are named by id, the scenario by its digest, and a sensitive value set or answered as
/// <c>[sensitive]</c>.
/// </summary>
internal sealed record DecisionLogEntry(
    [property: JsonPropertyName("decisionId")] string DecisionId,
    [property: JsonPropertyName("decidedAt")] DateTimeOffset DecidedAt,
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("ordinanceId")] string OrdinanceId,
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("contentHash")] string? ContentHash,
    [property: JsonPropertyName("stale")] bool Stale,
    [property: JsonPropertyName("toolVersion")] string ToolVersion,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("readings")] ImmutableArray<string> Readings,
    [property: JsonPropertyName("inputDigest")] string? InputDigest,
    [property: JsonPropertyName("outcomes")] ImmutableArray<DecisionOutcome> Outcomes,
    [property: JsonPropertyName("changes")] ImmutableArray<string>? Changes = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DecisionLogEntry))]
[JsonSerializable(typeof(CatalogDocument))]
[JsonSerializable(typeof(ReadinessDocument))]
internal sealed partial class ServerJsonContext : JsonSerializerContext;

/// <summary>
/// Writes the decision log, one JSON line per decision, to a file (appended to) or standard output, and nothing when none
/// is configured. Thread-safe: lines from concurrent requests never interleave.
/// </summary>
internal sealed class DecisionLog : IDisposable
{
    private static readonly JsonSerializerOptions Compact = new(ServerJsonContext.Default.Options)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ServerJsonContext Context = new(Compact);

    private readonly Lock _writing = new();
    private readonly TimeProvider _time;
    private readonly TextWriter? _writer;
    private readonly bool _owned;

    public DecisionLog(IOptions<OrdinanceServerOptions> options, TimeProvider time)
    {
        _time = time;
        var target = options.Value.DecisionLog;
        if (target == "-")
        {
            _writer = Console.Out;
        }
        else if (!string.IsNullOrEmpty(target))
        {
            var stream = new FileStream(target, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
            _owned = true;
        }
    }

    /// <summary>Logs one decision and returns its id (a version 7 UUID, ordered by time), also when no log is written.</summary>
    public string Write(string endpoint, DecisionRequest request, ComplianceReport report, IEnumerable<string>? changes = null)
    {
        var now = _time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString();
        if (_writer is null)
        {
            return id;
        }

        var decision = OrdinanceJson.Decision(report);
        var entry = new DecisionLogEntry(
            id,
            now,
            endpoint,
            request.Ordinance.Id,
            decision.Ordinance,
            decision.ContentHash,
            request.Ordinance.IsStale,
            decision.ToolVersion,
            decision.AsOf,
            decision.Readings,
            decision.InputDigest,
            decision.Outcomes,
            changes is null ? null : [.. changes]);
        var line = JsonSerializer.Serialize(entry, Context.DecisionLogEntry);
        lock (_writing)
        {
            _writer.WriteLine(line);
            _writer.Flush();
        }

        return id;
    }

    public void Dispose()
    {
        if (_owned)
        {
            _writer?.Dispose();
        }
    }
}
