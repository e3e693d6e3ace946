using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using OrdinanceRules.Explanations;
using OrdinanceRules.Model;
using OrdinanceRules.Suites;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Json;

/// <summary>
/// The public JSON contract (docs/json.md): maps the library's results to the contract's documents, in this one place,
/// and writes and reads them with System.Text.Json's source generation. The <c>ordinance</c> command writes these
/// documents and no other JSON.
/// </summary>
/// <remarks>
/// Names are fixed by <see cref="System.Text.Json.Serialization.JsonPropertyNameAttribute"/>, not derived from the C#
/// names; statuses, modalities and explanation steps are written as words; instants as ISO 8601 with their offset.
/// <see cref="SchemaVersion"/> rises only when a property is removed, renamed or changes meaning; a new property keeps
/// it, so readers must ignore properties they do not know. Stateless and thread-safe.
/// </remarks>
public static class OrdinanceJson
{
    /// <summary>The version of the contract this library writes.</summary>
    public const int SchemaVersion = 1;

    private static readonly ContractSerializer Serializer = new(o => new OrdinanceJsonContext(o), OrdinanceJsonContext.Default.Options, "the analysis's documents are written with AnalysisJson");

    /// <summary>The version of the OrdinanceRules library, as decision records name it (its informational version).</summary>
    public static string ToolVersion { get; } =
        typeof(OrdinanceJson).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(OrdinanceJson).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Writes a document as indented JSON.</summary>
    /// <typeparam name="T">The document's type: one of this namespace's documents.</typeparam>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text, with no final newline.</returns>
    public static string Write<T>(T document)
        where T : class, IContractDocument => Serializer.Write(document);

    /// <summary>Reads a document written by <see cref="Write{T}"/> (or by the <c>ordinance</c> command).</summary>
    /// <typeparam name="T">The document's type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="JsonException">The text is not a document of that type.</exception>
    public static T Read<T>(string json)
        where T : class, IContractDocument => Serializer.Read<T>(json);

    /// <summary>A status as the contract writes it: <c>violated</c>, <c>complied</c>, <c>exception-applies</c>, <c>not-applicable</c>, <c>pending</c>, <c>undetermined</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The word.</returns>
    public static string Word(FindingStatus status) => StatusWords.Of(status);

    /// <summary>A modality as the contract writes it: <c>prohibition</c>, <c>obligation</c>, <c>permission</c>, <c>non-obligation</c>.</summary>
    /// <param name="modality">The modality.</param>
    /// <returns>The word.</returns>
    public static string Word(Modality modality) => modality switch
    {
        Modality.Prohibition => "prohibition",
        Modality.Obligation => "obligation",
        Modality.Permission => "permission",
        Modality.NonObligation => "non-obligation",
        _ => throw new ArgumentOutOfRangeException(nameof(modality), modality, "not a modality"),
    };

    /// <summary>An explanation step's status as the contract writes it: <c>info</c>, <c>held</c>, <c>failed</c>, <c>unknown</c>, <c>defeated</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The word.</returns>
    public static string Word(ExplanationStatus status) => status switch
    {
        ExplanationStatus.Info => "info",
        ExplanationStatus.Held => "held",
        ExplanationStatus.Failed => "failed",
        ExplanationStatus.Unknown => "unknown",
        ExplanationStatus.Defeated => "defeated",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an explanation status"),
    };

    /// <summary>The document of several reports, as <c>check</c> writes it.</summary>
    /// <param name="reports">The reports, in order.</param>
    /// <returns>The document.</returns>
    public static ReportsDocument Reports(IEnumerable<ComplianceReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return new ReportsDocument(SchemaVersion, [.. reports.Select(Report)]);
    }

    /// <summary>One report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>Its JSON shape.</returns>
    public static ReportJson Report(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportJson(
            report.Ordinance,
            report.Title,
            report.Scenario,
            report.AsOf,
            report.TimeZone,
            [.. report.Readings.Select(r => new ReadingJson(r.Name, r.Alternative, r.IsDefault))],
            report.HigherLaws,
            [.. report.Conflicts.Select(c => new ConflictJson(c.ProvisionId, c.Citation, c.OtherProvisionId, c.OtherCitation, Facts(c.Facts), c.Description))],
            report.HasViolations,
            [.. report.Findings.Select(f => Finding(f))],
            Decision(report),
            [.. report.DefaultsApplied.Select(d => new AppliedDefaultJson(d.FactType, d.FactId, d.Field, d.Value.ToString()))],
            Notes: report.Notes);
    }

    /// <summary>One finding.</summary>
    /// <param name="finding">The finding.</param>
    /// <param name="withText">Whether to include the provision's text.</param>
    /// <returns>Its JSON shape.</returns>
    public static FindingJson Finding(Finding finding, bool withText = true)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingJson(
            finding.ProvisionId,
            finding.Citation,
            finding.Section,
            finding.Title,
            Word(finding.Modality),
            Word(finding.Status),
            finding.Reason,
            Facts(finding.Facts),
            [.. finding.Exceptions.Select(e => new ExceptionJson(e.Id, e.Section, e.Title, Facts(e.Facts)))],
            finding.Unknowns,
            finding.DueAt,
            finding.DischargedAt,
            withText ? finding.Text : null,
            finding.Origin is { } origin ? new OriginJson(origin.Citation, origin.Section, origin.Replaced) : null);
    }

    /// <summary>The decision record of a report: the law's content hash, the engine's version, the readings, the instant, the input's digest and each outcome.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The record.</returns>
    public static DecisionRecord Decision(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DecisionRecord(
            report.Ordinance,
            ToolVersion,
            report.AsOf,
            [.. report.Readings.Select(r => $"{r.Name}={r.Alternative}")],
            [.. report.Findings.Select(f => new DecisionOutcome(f.ProvisionId, [.. f.Facts.Select(b => b.FactId)], Word(f.Status)))],
            ContentHash: report.ContentHash,
            InputDigest: report.InputDigest);
    }

    /// <summary>A report's explanations (evaluate with <see cref="EvaluationOptions.Explain"/>), as <c>explain</c> writes them.</summary>
    /// <param name="report">The report.</param>
    /// <param name="provisions">The provisions to explain; null or empty for all.</param>
    /// <returns>The document.</returns>
    public static ExplanationsDocument Explanations(ComplianceReport report, IReadOnlyCollection<string>? provisions = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ExplanationsDocument(
            SchemaVersion,
            report.Ordinance,
            report.Title,
            report.Scenario,
            report.AsOf,
            [.. report.Explanations
                .Where(e => provisions is null || provisions.Count == 0 || provisions.Contains(e.Finding.ProvisionId))
                .Select(e => new ExplanationJson(Finding(e.Finding), Node(e.Root)))],
            Decision(report));
    }

    /// <summary>The unknowns of a scenario's undetermined findings and the outcome under each value tried, as <c>what-if</c> writes them.</summary>
    /// <param name="report">The scenario's report.</param>
    /// <param name="unknowns">What <see cref="WhatIf.Unknowns"/> gave for it.</param>
    /// <returns>The document.</returns>
    public static WhatIfDocument Unknowns(ComplianceReport report, IEnumerable<UnknownOutcomes> unknowns)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(unknowns);
        return new WhatIfDocument(
            SchemaVersion,
            report.Ordinance,
            report.Scenario,
            report.AsOf,
            [],
            Decision(report),
            Unknowns: [.. unknowns.Select(u => new UnknownJson(
                Finding(u.Finding, withText: false),
                u.Unknown,
                [.. u.Tried.Select(t => new TriedValueJson(t.Value, t.After is null ? null : Finding(t.After, withText: false)))],
                Fact: u.FactId,
                Field: u.Field))]);
    }

    /// <summary>The findings that changed when facts were set, as <c>what-if --set</c> writes them.</summary>
    /// <param name="before">The report of the scenario as given.</param>
    /// <param name="after">The report with the changes.</param>
    /// <param name="set">The changes, as <c>fact.field=value</c>.</param>
    /// <returns>The document, its changes from <see cref="WhatIf.Changes"/>.</returns>
    public static WhatIfDocument Changes(ComplianceReport before, ComplianceReport after, IEnumerable<string> set)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(set);
        return new WhatIfDocument(
            SchemaVersion,
            before.Ordinance,
            before.Scenario,
            before.AsOf,
            [.. set],
            Decision(before),
            Changes: [.. WhatIf.Changes(before, after).Select(c => new ChangeJson(
                c.ProvisionId,
                Facts(c.Facts),
                c.Before is null ? null : Finding(c.Before, withText: false),
                c.After is null ? null : Finding(c.After, withText: false)))],
            DecisionAfter: Decision(after));
    }

    /// <summary>The results of test suites, as <c>test</c> writes them.</summary>
    /// <param name="results">Each suite's results, in the order run.</param>
    /// <param name="coverage">The outcome coverage per ordinance; null to leave it out.</param>
    /// <returns>The document.</returns>
    public static TestRunDocument TestRun(IEnumerable<SuiteResult> results, IEnumerable<OutcomeCoverage>? coverage = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var suites = results.Select(s => new SuiteJson(
            s.Suite.Name,
            s.Passed,
            s.Failed,
            [.. s.Cases.Select(c => new CaseJson(
                c.Case.Name,
                c.Passed,
                [.. c.Mismatches.Select(m => new MismatchJson(m.Expected.ProvisionId, m.ExpectedText, m.ActualText, m.Actual is null ? null : Finding(m.Actual, withText: false)))],
                Location: c.Case.Location?.ToString(),
                Error: c.Error,
                Decision: c.Report is null ? null : Decision(c.Report)))],
            File: s.Suite.Location?.File)).ToImmutableArray();
        var passed = suites.Sum(s => s.Passed);
        var failed = suites.Sum(s => s.Failed);
        return new TestRunDocument(
            SchemaVersion,
            suites,
            passed + failed,
            passed,
            failed,
            coverage is null ? null : [.. coverage.Select(Coverage)]);
    }

    /// <summary>The readings an ordinance declares, as <c>readings</c> writes them.</summary>
    /// <param name="ordinance">The ordinance.</param>
    /// <returns>The document.</returns>
    public static ReadingsDocument Readings(Ordinance ordinance)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        return new ReadingsDocument(
            SchemaVersion,
            ordinance.Citation,
            ordinance.Title,
            [.. ordinance.Readings.Select(r => new ReadingDeclarationJson(
                r.Name,
                r.Question.Trim(),
                r.Default,
                [.. r.Alternatives.Select(a => new AlternativeJson(a.Name, a.Description.Trim()))]))],
            ContentHash: ordinance.ContentHash,
            Parameters: ordinance.Parameters.IsEmpty ? null : [.. ordinance.Parameters.Select(p => new ParameterJson(
                p.Name, ParameterTypeWord(p.Kind), ParameterValue(p.Effective), ParameterValue(p.Default), p.DeclaredBy ?? ordinance.Citation, p.Description.Trim()))]);
    }

    /// <summary>A vocabulary's types, fields and values, as <c>vocabulary --format json</c> writes it; for an extension, what it adds is marked <c>added</c>.</summary>
    /// <param name="vocabulary">The vocabulary.</param>
    /// <returns>The document.</returns>
    public static VocabularyDocument Vocabulary(FactVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var @base = vocabulary.Extends;
        return new VocabularyDocument(
            SchemaVersion,
            vocabulary.Name,
            [.. vocabulary.Types.Select(type =>
            {
                FactType? baseType = null;
                var typeAdded = @base is not null && !@base.TryGetType(type.Name, out baseType);
                return new FactTypeJson(
                    type.Name,
                    typeAdded,
                    [.. type.Fields.Select(field =>
                    {
                        FieldDefinition? baseField = null;
                        var fieldAdded = baseType is not null && !baseType.TryGetField(field.Name, out baseField);
                        return new FieldJson(
                            field.Name,
                            Word(field.Type.Kind),
                            fieldAdded,
                            field.Sensitive,
                            [.. field.Type.Values.Select(v => new FieldValueJson(
                                v,
                                baseField is not null && !baseField.Type.Allows(v),
                                field.ValueDescriptions.TryGetValue(v, out var meaning) ? meaning.Trim() : null))],
                            field.Description?.Trim(),
                            field.Type.ReferencedType,
                            field.Default?.Value as bool?,
                            field.Default?.ToString());
                    })],
                    type.Description?.Trim());
            })],
            vocabulary.Description?.Trim(),
            @base?.Name);
    }

    /// <summary>A field's kind as a vocabulary file and the contract write it: <c>text</c>, <c>yes-no</c>, <c>number</c>, <c>instant</c>, <c>duration</c>, <c>enumeration</c>, <c>set</c>, <c>reference</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The word.</returns>
    public static string Word(FieldKind kind) => kind switch
    {
        FieldKind.Text => "text",
        FieldKind.YesNo => "yes-no",
        FieldKind.Number => "number",
        FieldKind.Instant => "instant",
        FieldKind.Duration => "duration",
        FieldKind.Enumeration => "enumeration",
        FieldKind.EnumerationSet or FieldKind.ReferenceSet => "set",
        FieldKind.Reference => "reference",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a field kind"),
    };

    /// <summary>A problem as the contract writes it: its code, its message, and its file, line and column when it has a place.</summary>
    /// <param name="diagnostic">The problem.</param>
    /// <returns>The JSON shape.</returns>
    public static DiagnosticJson Problem(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Location is { } at
            ? new DiagnosticJson(diagnostic.Code, diagnostic.Message, at.File, at.Line, at.Column)
            : new DiagnosticJson(diagnostic.Code, diagnostic.Message);
    }

    /// <summary>An interview's step: the findings with the answers so far, and the questions still worth asking, as <c>interview</c> writes it.</summary>
    /// <param name="interview">The interview's step.</param>
    /// <returns>The document; a sensitive field's answer shown as <see cref="Redaction.Placeholder"/> unless its options show sensitive values.</returns>
    public static InterviewDocument Interview(Interview interview)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var report = interview.Report;
        return new InterviewDocument(
            SchemaVersion,
            report.Ordinance,
            report.Scenario,
            report.AsOf,
            Word(interview.Status),
            [.. interview.Answers.Select(a => new AnswerJson(a.FactId, a.Field, Answered(interview, a)))],
            [.. interview.Questions.Select(q => new QuestionJson(
                q.FactId,
                q.FactType,
                q.Field,
                q.Unknown,
                q.Text,
                interview.Scenario.FindFact(q.FactId) is { } fact && fact.Type.TryGetField(q.Field, out var field) ? field.Type.ToString() : q.Kind.ToString(),
                [.. q.Choices.Select(c => new ChoiceJson(c.Value, c.Description))],
                q.Settles,
                [.. q.Findings.Select(f => new DecisionOutcome(f.ProvisionId, [.. f.Facts.Select(b => b.FactId)], Word(f.Status)))],
                q.Sensitive,
                q.Description))],
            interview.Unaskable,
            [.. report.Findings.Select(f => Finding(f, withText: false))],
            Decision(report));
    }

    /// <summary>An interview's status as the contract writes it: <c>open</c>, <c>determined</c>, <c>exhausted</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The word.</returns>
    public static string Word(InterviewStatus status) => status switch
    {
        InterviewStatus.Open => "open",
        InterviewStatus.Determined => "determined",
        InterviewStatus.Exhausted => "exhausted",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an interview status"),
    };

    /// <summary>An answer's value as it may be shown: a sensitive field's hidden unless the interview's options show it.</summary>
    private static string Answered(Interview interview, InterviewAnswer answer) =>
        interview.Scenario.FindFact(answer.FactId) is { } fact && fact.Type.TryGetField(answer.Field, out var field)
            ? Redaction.Show(field, answer.Value, interview.Options.ShowSensitive)
            : answer.Value;

    /// <summary>A parameter's type as the YAML writes it.</summary>
    private static string ParameterTypeWord(Model.ParameterKind kind) => kind switch
    {
        Model.ParameterKind.YesNo => "yes-no",
        Model.ParameterKind.TextList => "text-list",
        Model.ParameterKind.ChoiceSet => "choice-set",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>A parameter's value as the YAML writes it: yes, 48h, [a, b].</summary>
    /// <param name="value">A value of a <see cref="Parameter"/>.</param>
    /// <returns>The text.</returns>
    public static string ParameterValue(object value) => value switch
    {
        bool b => b ? "yes" : "no",
        decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan t => OrdinanceRules.Facts.DurationText.Format(t),
        ImmutableArray<string> list => "[" + string.Join(", ", list) + "]",
        _ => value.ToString() ?? string.Empty,
    };

    private static CoverageJson Coverage(OutcomeCoverage coverage) => new(
        coverage.Ordinance.Citation,
        coverage.Reached,
        coverage.Total,
        Math.Round(coverage.Percent, 1),
        [.. coverage.Provisions.Select(p => new ProvisionCoverageJson(
            p.ProvisionId,
            p.Reached,
            p.Total,
            [.. p.Items.Select(i => new CoverageItemJson(i.Label, i.ReachedBy))]))]);

    private static ExplanationNodeJson Node(ExplanationNode node) =>
        new(node.Text, Word(node.Status), [.. node.Children.Select(Node)]);

    private static ImmutableArray<FactJson> Facts(ImmutableArray<FactBinding> facts) =>
        [.. facts.Select(b => new FactJson(b.Variable, b.FactType, b.FactId))];
}
