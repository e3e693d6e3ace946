using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrdinanceRules.Analysis;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Analyze;

/// <summary>What <c>analyze --format json</c> writes (docs/cli.md, "analyze").</summary>
internal sealed record AnalysisDocument(
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("factsPerType")] int FactsPerType,
    [property: JsonPropertyName("timeoutSeconds")] double TimeoutSeconds,
    [property: JsonPropertyName("readings")] ImmutableSortedDictionary<string, string> Readings,
    [property: JsonPropertyName("provisions")] ImmutableArray<ProvisionAnalysisJson> Provisions,
    [property: JsonPropertyName("findings")] ImmutableArray<AnalysisFindingJson> Findings);

/// <summary>One provision: what it can be (with a witness each), what it never is, what the solver left unknown, or why it was not analysed.</summary>
internal sealed record ProvisionAnalysisJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("analysed")] bool Analysed,
    [property: JsonPropertyName("notAnalysed")] ImmutableArray<string> NotAnalysed,
    [property: JsonPropertyName("reachable")] ImmutableArray<WitnessJson> Reachable,
    [property: JsonPropertyName("unreachable")] ImmutableArray<string> Unreachable,
    [property: JsonPropertyName("unknown")] ImmutableArray<string> Unknown);

/// <summary>One finding of the analysis; its kind in kebab case (never-violated, exception-never-holds, unknown, ...).</summary>
internal sealed record AnalysisFindingJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("exception")] string? Exception,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("witness")] WitnessJson? Witness);

/// <summary>A witness: the status claimed for the facts named, the readings to check it under, its file (with --witnesses) and its scenario as YAML.</summary>
internal sealed record WitnessJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("facts")] ImmutableArray<FactJson> Facts,
    [property: JsonPropertyName("readings")] ImmutableArray<string> Readings,
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("scenario")] string Scenario);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AnalysisDocument))]
internal sealed partial class AnalysisJsonContext : JsonSerializerContext
{
    /// <summary>Indented JSON, with '§' and apostrophes readable.</summary>
    private static readonly AnalysisJsonContext Relaxed = new(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static string Write<T>(T document) => JsonSerializer.Serialize(document, typeof(T), Relaxed);

    public static T Read<T>(string json) => (T)JsonSerializer.Deserialize(json, typeof(T), Relaxed)!;

    public static AnalysisDocument Document(AnalysisReport report, AnalysisOptions options, WitnessFiles files) => new(
        report.Ordinance,
        report.FactsPerType,
        options.Timeout.TotalSeconds,
        report.Readings.ToImmutableSortedDictionary(StringComparer.Ordinal),
        [.. report.Provisions.Select(p => new ProvisionAnalysisJson(
            p.ProvisionId,
            p.IsAnalysed,
            p.NotAnalysed,
            [.. p.Reachable.Select(w => Witness(w, files))],
            [.. p.Unreachable.Select(OrdinanceJson.Word)],
            [.. p.Undecided.Select(OrdinanceJson.Word)]))],
        [.. report.Findings.Select(f => new AnalysisFindingJson(AnalysisText.Kind(f.Kind), f.ProvisionId, f.ExceptionId, f.Message, f.Witness is { } w ? Witness(w, files) : null))]);

    public static WitnessJson Witness(Witness witness, WitnessFiles files) => new(
        witness.ProvisionId,
        OrdinanceJson.Word(witness.Status),
        [.. witness.Facts.Select(f => new FactJson(f.Variable, f.FactType, f.FactId))],
        files.ReadingArguments(witness),
        files.FileOf(witness),
        OrdinanceYaml.WriteScenario(witness.Scenario));
}
