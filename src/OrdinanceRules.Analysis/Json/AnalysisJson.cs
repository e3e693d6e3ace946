using System.Collections.Immutable;
using System.Text.Json;
using OrdinanceRules.Facts;
using OrdinanceRules.Json;

namespace OrdinanceRules.Analysis.Json;

/// <summary>
/// The analysis's documents of the public JSON contract (docs/json.md): maps an <see cref="AnalysisReport"/> or a
/// <see cref="DiffReport"/> to its document, in this one place, and writes and reads them with System.Text.Json's source
/// generation, under the same conventions and <see cref="OrdinanceJson.SchemaVersion"/> as <see cref="OrdinanceJson"/>.
/// <c>ordinance analyze</c> and <c>ordinance diff</c> write these documents and no other JSON. Stateless and thread-safe.
/// </summary>
public static class AnalysisJson
{
    private static readonly ContractSerializer Serializer = new(o => new AnalysisJsonContext(o), AnalysisJsonContext.Default.Options, "write it with OrdinanceJson");

    /// <summary>The document of an analysis.</summary>
    /// <param name="report">The analysis.</param>
    /// <param name="options">The options it was made with.</param>
    /// <param name="witnesses">How its witnesses are written.</param>
    /// <returns>The document.</returns>
    public static AnalysisDocument Analysis(AnalysisReport report, AnalysisOptions options, WitnessWriting witnesses)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(witnesses);
        return new AnalysisDocument(
            OrdinanceJson.SchemaVersion,
            report.Ordinance,
            report.FactsPerType,
            options.Timeout.TotalSeconds,
            report.Readings.ToImmutableSortedDictionary(StringComparer.Ordinal),
            [.. report.Provisions.Select(p => new ProvisionAnalysisJson(
                p.ProvisionId,
                p.IsAnalysed,
                p.NotAnalysed,
                [.. p.Reachable.Select(witnesses.Write)],
                [.. p.Unreachable.Select(OrdinanceJson.Word)],
                [.. p.Undecided.Select(OrdinanceJson.Word)]))],
            [.. report.Findings.Select(f => new AnalysisFindingJson(Word(f.Kind), f.ProvisionId, f.Message, f.ExceptionId, f.Witness is { } w ? witnesses.Write(w) : null, f.OtherProvisionId))]);
    }

    /// <summary>The document of a diff.</summary>
    /// <param name="report">The diff.</param>
    /// <param name="options">The options it was made with.</param>
    /// <param name="a">How side a's witnesses are written.</param>
    /// <param name="b">How side b's witnesses are written.</param>
    /// <returns>The document.</returns>
    public static DiffDocument Diff(DiffReport report, AnalysisOptions options, WitnessWriting a, WitnessWriting b)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new DiffDocument(
            OrdinanceJson.SchemaVersion,
            report.A,
            report.B,
            report.FactsPerType,
            options.Timeout.TotalSeconds,
            [.. report.Pairs.Select(p => new PairDiffJson(
                p.ProvisionA,
                p.ProvisionB,
                Word(p.Outcome),
                [.. p.Differences.Select(d => new DifferenceJson(a.Write(d.A), b.Write(d.B)))]))],
            report.NotCompared);
    }

    /// <summary>
    /// A finding's kind as the contract writes it: <c>never-applies</c>, <c>never-violated</c>, <c>never-complied</c>,
    /// <c>exception-never-holds</c>, <c>exception-never-changes-outcome</c>, <c>conflict</c>, <c>deadline-anchor-can-be-absent</c>,
    /// <c>unknown</c> (the solver gave up).
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The word.</returns>
    public static string Word(AnalysisFindingKind kind) => kind switch
    {
        AnalysisFindingKind.NeverApplies => "never-applies",
        AnalysisFindingKind.NeverViolated => "never-violated",
        AnalysisFindingKind.NeverComplied => "never-complied",
        AnalysisFindingKind.ExceptionNeverHolds => "exception-never-holds",
        AnalysisFindingKind.ExceptionNeverChangesOutcome => "exception-never-changes-outcome",
        AnalysisFindingKind.Undecided => "unknown",
        AnalysisFindingKind.Conflict => "conflict",
        AnalysisFindingKind.DeadlineAnchorCanBeAbsent => "deadline-anchor-can-be-absent",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an analysis finding kind"),
    };

    /// <summary>A diff's outcome for a provision pair as the contract writes it: <c>differs</c>, <c>no-difference</c>, <c>unknown</c> (the solver gave up).</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The word.</returns>
    public static string Word(DiffOutcome outcome) => outcome switch
    {
        DiffOutcome.Differs => "differs",
        DiffOutcome.NoDifference => "no-difference",
        DiffOutcome.Undecided => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a diff outcome"),
    };

    /// <summary>Writes an analysis or diff document as indented JSON.</summary>
    /// <typeparam name="T"><see cref="AnalysisDocument"/> or <see cref="DiffDocument"/>.</typeparam>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text, with no final newline.</returns>
    public static string Write<T>(T document)
        where T : class, IContractDocument => Serializer.Write(document);

    /// <summary>Reads a document written by <see cref="Write{T}"/> (or by <c>ordinance analyze</c> or <c>ordinance diff</c>).</summary>
    /// <typeparam name="T"><see cref="AnalysisDocument"/> or <see cref="DiffDocument"/>.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="JsonException">The text is not a document of that type.</exception>
    public static T Read<T>(string json)
        where T : class, IContractDocument => Serializer.Read<T>(json);
}

/// <summary>
/// How the witnesses of one ordinance (one side of a diff) are written into a document: the scenario as text, the
/// readings named (those not at their default), and the file each was written to, if any.
/// </summary>
/// <param name="scenarioText">Writes a scenario as a scenario file holds it: <c>OrdinanceYaml.WriteScenario</c> of OrdinanceRules.Yaml.</param>
public sealed class WitnessWriting(Func<Scenario, string> scenarioText)
{
    /// <summary>Writes a scenario as a scenario file holds it.</summary>
    public Func<Scenario, string> ScenarioText { get; } = scenarioText ?? throw new ArgumentNullException(nameof(scenarioText));

    /// <summary>The default alternative of each reading: a witness's reading at its default is not named. Empty names every reading.</summary>
    public IReadOnlyDictionary<string, string> DefaultReadings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The file a witness was written to, or null when it was not written to one.</summary>
    public Func<Witness, string?> FileOf { get; init; } = static _ => null;

    /// <summary>The witness's JSON shape.</summary>
    /// <param name="witness">The witness.</param>
    /// <returns>Its shape.</returns>
    public WitnessJson Write(Witness witness)
    {
        ArgumentNullException.ThrowIfNull(witness);
        return new WitnessJson(
            witness.ProvisionId,
            OrdinanceJson.Word(witness.Status),
            [.. witness.Facts.Select(f => new FactJson(f.Variable, f.FactType, f.FactId))],
            ReadingArguments(witness),
            ScenarioText(witness.Scenario),
            FileOf(witness));
    }

    /// <summary>The readings of a witness that are not at their default, as <c>name=alternative</c>, ordered by name.</summary>
    /// <param name="witness">The witness.</param>
    /// <returns>The readings, as <c>--reading</c> takes them.</returns>
    public ImmutableArray<string> ReadingArguments(Witness witness)
    {
        ArgumentNullException.ThrowIfNull(witness);
        return [.. witness.Readings
            .Where(r => DefaultReadings.GetValueOrDefault(r.Key) != r.Value)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => $"{r.Key}={r.Value}")];
    }
}
