using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrdinanceRules.Json;

/// <summary>What <c>test --format json</c> writes: each suite's cases and what they did not meet, and optionally outcome coverage.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Suites">The suites, in the order run.</param>
/// <param name="Cases">How many cases ran.</param>
/// <param name="Passed">How many passed.</param>
/// <param name="Failed">How many failed.</param>
/// <param name="Coverage">Outcome coverage per ordinance; omitted unless asked for.</param>
public sealed record TestRunDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("suites")] ImmutableArray<SuiteJson> Suites,
    [property: JsonPropertyName("cases")] int Cases,
    [property: JsonPropertyName("passed")] int Passed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("coverage")] ImmutableArray<CoverageJson>? Coverage = null) : IContractDocument;

/// <summary>One suite's results.</summary>
/// <param name="Name">The suite's name.</param>
/// <param name="File">The file it was written in; omitted when unknown.</param>
/// <param name="Passed">How many cases passed.</param>
/// <param name="Failed">How many failed.</param>
/// <param name="Cases">Each case, in the suite's order.</param>
public sealed record SuiteJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("passed")] int Passed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("cases")] ImmutableArray<CaseJson> Cases,
    [property: JsonPropertyName("file")] string? File = null);

/// <summary>One case's result.</summary>
/// <param name="Name">The case's name.</param>
/// <param name="Location">Where it was written, as <c>file:line:column</c>; omitted when unknown.</param>
/// <param name="Passed">Whether it was evaluated and met every expectation.</param>
/// <param name="Error">Why it could not be evaluated; omitted when it was.</param>
/// <param name="Mismatches">The expectations not met, in the case's order.</param>
/// <param name="Decision">The decision record of its evaluation; omitted when it could not be evaluated.</param>
public sealed record CaseJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("mismatches")] ImmutableArray<MismatchJson> Mismatches,
    [property: JsonPropertyName("location")] string? Location = null,
    [property: JsonPropertyName("error")] string? Error = null,
    [property: JsonPropertyName("decision")] DecisionRecord? Decision = null);

/// <summary>An expectation that was not met.</summary>
/// <param name="Provision">The provision the expectation names.</param>
/// <param name="Expected">The expectation in words, such as <c>exception-applies, exceptions E2a</c>.</param>
/// <param name="Actual">The finding in the same words, or why there is none.</param>
/// <param name="Finding">The finding compared with; omitted when the expectation selected none.</param>
public sealed record MismatchJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("expected")] string Expected,
    [property: JsonPropertyName("actual")] string Actual,
    [property: JsonPropertyName("finding")] FindingJson? Finding = null);

/// <summary>The outcome coverage of one ordinance by the suites that test it.</summary>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="Reached">How many outcomes some case reached.</param>
/// <param name="Total">How many outcomes there are.</param>
/// <param name="Percent">Reached as a percentage of total.</param>
/// <param name="Provisions">Each provision's outcomes.</param>
public sealed record CoverageJson(
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("reached")] int Reached,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("percent")] decimal Percent,
    [property: JsonPropertyName("provisions")] ImmutableArray<ProvisionCoverageJson> Provisions);

/// <summary>One provision's outcome coverage.</summary>
/// <param name="Provision">The provision's id.</param>
/// <param name="Reached">How many of its outcomes were reached.</param>
/// <param name="Total">How many it has.</param>
/// <param name="Items">Each outcome: its label and the cases that reached it.</param>
public sealed record ProvisionCoverageJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("reached")] int Reached,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("items")] ImmutableArray<CoverageItemJson> Items);

/// <summary>One outcome to reach.</summary>
/// <param name="Label">The outcome, such as <c>violated</c> or <c>E2a applies</c>.</param>
/// <param name="ReachedBy">The names of the cases that reached it; empty when none did.</param>
public sealed record CoverageItemJson(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("reachedBy")] ImmutableArray<string> ReachedBy);
