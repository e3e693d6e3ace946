using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrdinanceRules.Json;

/// <summary>What <c>compare --format json</c> writes: every scenario of a folder evaluated under every ordinance.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Ordinances">The columns, in the order given.</param>
/// <param name="Scenarios">The rows, one per scenario file.</param>
/// <param name="Differences">How many rows differ.</param>
public sealed record ComparisonDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("ordinances")] ImmutableArray<ComparedOrdinanceJson> Ordinances,
    [property: JsonPropertyName("scenarios")] ImmutableArray<ComparisonRowJson> Scenarios,
    [property: JsonPropertyName("differences")] int Differences) : IContractDocument;

/// <summary>One ordinance of a comparison.</summary>
/// <param name="Label">The column's short name.</param>
/// <param name="File">The file as given.</param>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="Title">Its title.</param>
/// <param name="Notes">What is known of its text; omitted when none.</param>
/// <param name="TimeZone">The jurisdiction's IANA time zone.</param>
/// <param name="ContentHash">Its content hash; omitted for an ordinance built in code.</param>
public sealed record ComparedOrdinanceJson(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("timeZone")] string TimeZone,
    [property: JsonPropertyName("notes")] string? Notes = null,
    [property: JsonPropertyName("contentHash")] string? ContentHash = null);

/// <summary>One scenario of a comparison, with a cell per ordinance.</summary>
/// <param name="Label">The file name without <c>.yaml</c>.</param>
/// <param name="File">The scenario file.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Differs">Whether the cells' verdicts are not all the same.</param>
/// <param name="Cells">One cell per ordinance, in the order of <see cref="ComparisonDocument.Ordinances"/>.</param>
/// <param name="Description">The scenario's description; omitted when it has none.</param>
public sealed record ComparisonRowJson(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("differs")] bool Differs,
    [property: JsonPropertyName("cells")] ImmutableArray<ComparisonCellJson> Cells,
    [property: JsonPropertyName("description")] string? Description = null);

/// <summary>One scenario under one ordinance.</summary>
/// <param name="Ordinance">The column's label.</param>
/// <param name="AsOf">The instant judged at.</param>
/// <param name="Verdict">
/// The most serious status among the findings, as in <see cref="FindingJson.Status"/>; <c>not-applicable</c> when nothing applies;
/// <c>not-expressible</c> when the scenario uses a fact type, field or value the ordinance's vocabulary lacks (then the cell has no
/// findings, its decision no outcomes, and <paramref name="NotExpressible"/> says why).
/// </param>
/// <param name="Summary">One line per provision and status that applies, such as <c>P3 pending ×2</c>.</param>
/// <param name="Findings">Every finding, without the provision's text.</param>
/// <param name="Decision">The decision record of the evaluation.</param>
/// <param name="NotExpressible">Why the scenario cannot be read in this ordinance's vocabulary; empty for a cell that was evaluated.</param>
public sealed record ComparisonCellJson(
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("summary")] ImmutableArray<string> Summary,
    [property: JsonPropertyName("findings")] ImmutableArray<FindingJson> Findings,
    [property: JsonPropertyName("decision")] DecisionRecord Decision,
    [property: JsonPropertyName("notExpressible")] ImmutableArray<string> NotExpressible);
