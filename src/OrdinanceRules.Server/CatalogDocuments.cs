using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrdinanceRules.Hosting;
using OrdinanceRules.Json;

namespace OrdinanceRules.Server;

/// <summary>What <c>GET /v1/ordinances</c> writes: the ordinances served, each with its content hash and readings.</summary>
internal sealed record CatalogDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("generation")] int Generation,
    [property: JsonPropertyName("loadedAt")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("ordinances")] ImmutableArray<CatalogEntry> Ordinances)
{
    public static CatalogDocument Of(OrdinanceCatalogSnapshot snapshot) => new(
        OrdinanceJson.SchemaVersion,
        snapshot.Generation,
        snapshot.LoadedAt,
        [.. snapshot.Ordinances.Select(o => new CatalogEntry(
            o.Id,
            o.Compiled.Ordinance.Citation,
            o.Compiled.Ordinance.Title,
            o.ContentHash,
            o.IsStale,
            o.LoadedAt,
            [.. o.Compiled.HigherLaws.Select(l => l.Citation)],
            OrdinanceJson.Readings(o.Compiled.Ordinance).Readings))]);
}

/// <summary>One ordinance served.</summary>
internal sealed record CatalogEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("citation")] string Citation,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("contentHash")] string? ContentHash,
    [property: JsonPropertyName("stale")] bool Stale,
    [property: JsonPropertyName("loadedAt")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("higherLaws")] ImmutableArray<string> HigherLaws,
    [property: JsonPropertyName("readings")] ImmutableArray<ReadingDeclarationJson> Readings);

/// <summary>
/// What <c>GET /readyz</c> writes: <c>ready</c> when every file loaded, <c>degraded</c> when some did not (the last good
/// version of each is served), <c>unready</c> when nothing is served; and the located problems of the files that did not load.
/// </summary>
internal sealed record ReadinessDocument(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("generation")] int Generation,
    [property: JsonPropertyName("loadedAt")] DateTimeOffset LoadedAt,
    [property: JsonPropertyName("ordinances")] ImmutableArray<string> Ordinances,
    [property: JsonPropertyName("stale")] ImmutableArray<string> Stale,
    [property: JsonPropertyName("problems")] ImmutableArray<ReadinessProblem> Problems)
{
    public static ReadinessDocument Of(OrdinanceCatalogSnapshot snapshot) => new(
        snapshot.Ordinances.IsEmpty ? "unready" : snapshot.IsComplete ? "ready" : "degraded",
        snapshot.Generation,
        snapshot.LoadedAt,
        [.. snapshot.Ordinances.Select(o => o.Id)],
        [.. snapshot.Ordinances.Where(o => o.IsStale).Select(o => o.Id)],
        [.. snapshot.Problems.Select(p =>
        {
            var error = ProblemError.From(p);
            return new ReadinessProblem(p.Location is null ? null : Path.GetFileName(p.Location.File), error.Code, error.Message, error.Line, error.Column, error.Text);
        })]);
}

/// <summary>One problem of a file of the folder, named by its file name only (never the server's path).</summary>
internal sealed record ReadinessProblem(
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("column")] int? Column,
    [property: JsonPropertyName("text")] string Text);
