using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OrdinanceRules.Json;

namespace OrdinanceRules.Analysis.Json;

/// <summary>What <c>analyze --format json</c> writes: what each provision can be, and the findings, each with its witness.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Ordinance">The analysed ordinance's citation.</param>
/// <param name="FactsPerType">The bound K of the scenario shape searched: at most this many facts of each type.</param>
/// <param name="TimeoutSeconds">The time limit of each solver call, in seconds.</param>
/// <param name="Readings">The alternative of every reading the analysis was made under, by reading name.</param>
/// <param name="Provisions">One entry per provision, in the ordinance's order.</param>
/// <param name="Findings">The findings, in the order of the provisions they are about.</param>
public sealed record AnalysisDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("factsPerType")] int FactsPerType,
    [property: JsonPropertyName("timeoutSeconds")] double TimeoutSeconds,
    [property: JsonPropertyName("readings")] ImmutableSortedDictionary<string, string> Readings,
    [property: JsonPropertyName("provisions")] ImmutableArray<ProvisionAnalysisJson> Provisions,
    [property: JsonPropertyName("findings")] ImmutableArray<AnalysisFindingJson> Findings) : IContractDocument;

/// <summary>One provision: the statuses some scenario gives it (a witness each), those none gives it, those the solver left undecided, or why it was not analysed.</summary>
/// <param name="Provision">The provision's id.</param>
/// <param name="Analysed">Whether the encoding covers the provision; when not, <see cref="NotAnalysed"/> says what it uses that the encoding does not cover.</param>
/// <param name="NotAnalysed">Why the provision was not analysed; empty when it was.</param>
/// <param name="Reachable">One witness per status some scenario gives the provision.</param>
/// <param name="Unreachable">The statuses no scenario of the shape gives it, as words (<c>violated</c>, <c>complied</c>, ...).</param>
/// <param name="Unknown">The statuses the solver could not decide within its time limit.</param>
public sealed record ProvisionAnalysisJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("analysed")] bool Analysed,
    [property: JsonPropertyName("notAnalysed")] ImmutableArray<string> NotAnalysed,
    [property: JsonPropertyName("reachable")] ImmutableArray<WitnessJson> Reachable,
    [property: JsonPropertyName("unreachable")] ImmutableArray<string> Unreachable,
    [property: JsonPropertyName("unknown")] ImmutableArray<string> Unknown);

/// <summary>One finding of the analysis.</summary>
/// <param name="Kind">What was found, as <see cref="AnalysisJson.Word(AnalysisFindingKind)"/> writes it: <c>never-violated</c>, <c>exception-never-holds</c>, <c>unknown</c>, ...</param>
/// <param name="Provision">The provision it is about.</param>
/// <param name="Message">What was found, in a sentence.</param>
/// <param name="Exception">The exception it is about; omitted for a finding about the provision itself.</param>
/// <param name="Witness">A scenario that shows it; omitted when the finding has none (<c>unknown</c>).</param>
/// <param name="OtherProvision">For a <c>conflict</c>, the permission of equal rank the provision conflicts with; omitted otherwise.</param>
public sealed record AnalysisFindingJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("exception")] string? Exception = null,
    [property: JsonPropertyName("witness")] WitnessJson? Witness = null,
    [property: JsonPropertyName("otherProvision")] string? OtherProvision = null);

/// <summary>A witness: a scenario, and the status the compiled ordinance gives one provision's finding on it for the facts named.</summary>
/// <param name="Provision">The provision whose finding the witness shows.</param>
/// <param name="Status">The status claimed, as a word.</param>
/// <param name="Facts">The facts the finding is for, by the provision's variables.</param>
/// <param name="Readings">The readings to evaluate it under that are not their default, as <c>name=alternative</c>.</param>
/// <param name="Scenario">The scenario, as a scenario file writes it.</param>
/// <param name="File">The scenario file it was written to (<c>--witnesses</c>); omitted when none was written.</param>
public sealed record WitnessJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("facts")] ImmutableArray<FactJson> Facts,
    [property: JsonPropertyName("readings")] ImmutableArray<string> Readings,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("file")] string? File = null);

/// <summary>What <c>diff --format json</c> writes: the provision pairs compared, and where they differ, a witness for each side.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="A">Side a: the ordinance's citation (and its readings, when they are not the default).</param>
/// <param name="B">Side b, likewise.</param>
/// <param name="FactsPerType">The bound K of the scenario shape searched.</param>
/// <param name="TimeoutSeconds">The time limit of each solver call, in seconds.</param>
/// <param name="Pairs">The provision pairs compared.</param>
/// <param name="NotCompared">The provisions not compared, each with why.</param>
public sealed record DiffDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("a")] string A,
    [property: JsonPropertyName("b")] string B,
    [property: JsonPropertyName("factsPerType")] int FactsPerType,
    [property: JsonPropertyName("timeoutSeconds")] double TimeoutSeconds,
    [property: JsonPropertyName("pairs")] ImmutableArray<PairDiffJson> Pairs,
    [property: JsonPropertyName("notCompared")] ImmutableArray<string> NotCompared) : IContractDocument;

/// <summary>Two provisions compared.</summary>
/// <param name="ProvisionA">Side a's provision.</param>
/// <param name="ProvisionB">Side b's provision.</param>
/// <param name="Outcome"><c>differs</c>, <c>no-difference</c> (up to <see cref="DiffDocument.FactsPerType"/> facts of each type) or <c>unknown</c> (the solver gave up).</param>
/// <param name="Differences">The scenarios on which they differ; empty unless <see cref="Outcome"/> is <c>differs</c>.</param>
public sealed record PairDiffJson(
    [property: JsonPropertyName("provisionA")] string ProvisionA,
    [property: JsonPropertyName("provisionB")] string ProvisionB,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("differences")] ImmutableArray<DifferenceJson> Differences);

/// <summary>One scenario on which two provisions differ, and the finding of each on it.</summary>
/// <param name="A">Side a's finding, as a witness.</param>
/// <param name="B">Side b's finding on the same scenario and facts.</param>
public sealed record DifferenceJson(
    [property: JsonPropertyName("a")] WitnessJson A,
    [property: JsonPropertyName("b")] WitnessJson B);

/// <summary>The source-generated serialisation of the analysis documents.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AnalysisDocument))]
[JsonSerializable(typeof(DiffDocument))]
internal sealed partial class AnalysisJsonContext : JsonSerializerContext;
