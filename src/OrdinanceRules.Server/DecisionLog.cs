using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
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
/// is configured. A request only serialises its line and hands it to a bounded channel; one background writer takes the
/// lines in order, writes them whole (never interleaved) and flushes whenever it has caught up, so no request waits on
/// the disk or on a lock. When the channel is full (the disk slower than the decisions for long), a request waits for
/// room rather than a line being dropped. Disposing completes the channel and writes every pending line first.
/// </summary>
internal sealed class DecisionLog : IDisposable
{
    private static readonly JsonSerializerOptions Compact = new(ServerJsonContext.Default.Options)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly ServerJsonContext Context = new(Compact);

    /// <summary>Lines waiting for the writer at most; past that, a request waits for room.</summary>
    internal const int Capacity = 16 * 1024;

    private readonly TimeProvider _time;
    private readonly TextWriter? _writer;
    private readonly bool _owned;
    private readonly Channel<string>? _lines;
    private readonly Task _writing = Task.CompletedTask;

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
            _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            _owned = true;
        }

        if (_writer is not null)
        {
            _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
            _writing = Task.Run(() => WriteLinesAsync(_lines.Reader, _writer));
        }
    }

    /// <summary>Whether the log could not be written (the disk full, the file gone): its lines are then dropped, and the service goes on.</summary>
    public bool Failed { get; private set; }

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
        Enqueue(JsonSerializer.Serialize(entry, Context.DecisionLogEntry));
        return id;
    }

    /// <summary>Hands one line to the writer, waiting for room only when the channel is full.</summary>
    internal void Enqueue(string line)
    {
        if (_lines is not null && !_lines.Writer.TryWrite(line))
        {
            _lines.Writer.WriteAsync(line).AsTask().GetAwaiter().GetResult();
        }
    }

    public void Dispose()
    {
        _lines?.Writer.TryComplete();
        _writing.GetAwaiter().GetResult();
        if (_owned)
        {
            _writer?.Dispose();
        }
    }

    private async Task WriteLinesAsync(ChannelReader<string> lines, TextWriter writer)
    {
        while (await lines.WaitToReadAsync().ConfigureAwait(false))
        {
            while (lines.TryRead(out var line))
            {
                Failed = Failed || !TryWrite(() => writer.WriteLine(line));
            }

            Failed = Failed || !TryWrite(writer.Flush);
        }
    }

    private bool TryWrite(Action write)
    {
        if (Failed)
        {
            return false;
        }

        try
        {
            write();
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
