using System.Collections.Immutable;
using OrdinanceRules.Facts;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Explanations;

/// <summary>Where an interview stands.</summary>
public enum InterviewStatus
{
    /// <summary>Some finding is undetermined and at least one question could still change it.</summary>
    Open,

    /// <summary>Every finding is determined: nothing is left to ask.</summary>
    Determined,

    /// <summary>
    /// Some finding is still undetermined, but no question is left that could change it: its unknowns are not fields of a
    /// fact (such as whether further facts exist), or the person asked did not know.
    /// </summary>
    Exhausted,
}

/// <summary>One value a question allows, with what it means.</summary>
/// <param name="Value">The value, as scenario YAML writes it.</param>
/// <param name="Description">What it means, from the vocabulary; null when the vocabulary does not say.</param>
public sealed record InterviewChoice(string Value, string? Description);

/// <summary>One answer given in an interview: a field of a fact set to a value, written as in scenario YAML.</summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="Field">The field's name.</param>
/// <param name="Value">The value; <c>unknown</c> when the person asked does not know, which takes the question off the list.</param>
public sealed record InterviewAnswer(string FactId, string Field, string Value);

/// <summary>
/// A question still worth asking: a field of a fact that the scenario states as unknown and that at least one
/// undetermined finding names among its unknowns. A field no outcome depends on is never asked.
/// </summary>
/// <param name="FactId">The fact's id.</param>
/// <param name="FactType">The fact's type.</param>
/// <param name="Field">The field's name.</param>
/// <param name="Text">The question, phrased from the field's description with the values it allows.</param>
/// <param name="Description">The field's description in the vocabulary; null when it has none.</param>
/// <param name="Kind">The kind of value the answer is.</param>
/// <param name="Choices">The values allowed, for a yes/no or enumeration field (in the vocabulary's order); empty for other kinds.</param>
/// <param name="Findings">The undetermined findings whose outcome depends on this field, in report order.</param>
/// <param name="Settles">
/// How many of <see cref="Findings"/> some answer settles (makes no longer undetermined), found by evaluating the scenario
/// under each allowed value; for a field whose values cannot be listed (a number, an instant, text), every finding that
/// depends on it counts.
/// </param>
public sealed record InterviewQuestion(
    string FactId,
    string FactType,
    string Field,
    string Text,
    string? Description,
    FieldKind Kind,
    ImmutableArray<InterviewChoice> Choices,
    ImmutableArray<Finding> Findings,
    int Settles)
{
    /// <summary>Whether the field is sensitive (<see cref="FieldDefinition.Sensitive"/>): its answer is shown as <see cref="Redaction.Placeholder"/> unless the reader may see it.</summary>
    public bool Sensitive { get; init; }

    /// <summary>The unknown as findings name it, such as <c>threat t-1: specificity</c>.</summary>
    public string Unknown => $"{FactType} {FactId}: {Field}";
}

/// <summary>
/// Interview mode: from a partial scenario, the questions still worth asking, ordered by how many undetermined findings
/// each could settle, and the scenario re-evaluated as each is answered. Immutable: <see cref="Answer(string, string, string)"/>
/// returns the next step.
/// </summary>
/// <remarks>
/// Every outcome comes from the compiled ordinance: the questions are the unknowns the engine names in undetermined
/// findings, and how many findings a question could settle is found by evaluating the scenario under each value the field
/// allows (a fresh evaluation each, as <see cref="WhatIf"/> does). An interview is stateless beyond its scenario and
/// answers, so a service can rebuild one from them on any instance.
/// </remarks>
public sealed class Interview
{
    private Interview(CompiledOrdinance ordinance, Scenario scenario, DateTimeOffset asOf, EvaluationOptions options, ImmutableArray<InterviewAnswer> answers)
    {
        Ordinance = ordinance;
        Scenario = scenario;
        AsOf = asOf;
        Options = options;
        Answers = answers;
        Report = ordinance.Evaluate(scenario, asOf, options);
        var declined = answers.Where(a => a.Value.Trim() == "unknown").Select(a => (a.FactId, a.Field)).ToHashSet();
        Questions = Ask(declined, out var unaskable);
        Unaskable = unaskable;
        Status = Report.Findings.All(f => f.Status != FindingStatus.Undetermined) ? InterviewStatus.Determined
            : Questions.IsEmpty ? InterviewStatus.Exhausted
            : InterviewStatus.Open;
    }

    /// <summary>The compiled ordinance evaluated.</summary>
    public CompiledOrdinance Ordinance { get; }

    /// <summary>The scenario with every answer so far applied.</summary>
    public Scenario Scenario { get; }

    /// <summary>The instant judged at.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>The readings, and whether sensitive values may be shown.</summary>
    public EvaluationOptions Options { get; }

    /// <summary>The answers given so far, in order.</summary>
    public ImmutableArray<InterviewAnswer> Answers { get; }

    /// <summary>The report of <see cref="Scenario"/>.</summary>
    public ComplianceReport Report { get; }

    /// <summary>The questions still worth asking, the one that could settle the most findings first; empty when the interview is over.</summary>
    public ImmutableArray<InterviewQuestion> Questions { get; }

    /// <summary>The unknowns of undetermined findings that no question can settle (not fields of a fact, or declined), in report order.</summary>
    public ImmutableArray<string> Unaskable { get; }

    /// <summary>Where the interview stands.</summary>
    public InterviewStatus Status { get; }

    /// <summary>Starts an interview over a partial scenario.</summary>
    /// <param name="ordinance">The compiled ordinance.</param>
    /// <param name="scenario">The scenario, with the fields not yet known stated as <c>unknown</c>.</param>
    /// <param name="asOf">The instant to judge at.</param>
    /// <param name="options">The readings; null for the defaults.</param>
    /// <returns>The first step: the report and the questions worth asking.</returns>
    public static Interview Start(CompiledOrdinance ordinance, Scenario scenario, DateTimeOffset asOf, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        ArgumentNullException.ThrowIfNull(scenario);
        return new Interview(ordinance, scenario, asOf, options ?? EvaluationOptions.Default, []);
    }

    /// <summary>Answers one question (or sets any field of the scenario) and re-evaluates.</summary>
    /// <param name="factId">The fact's id.</param>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value as scenario YAML writes it; <c>unknown</c> when the person asked does not know.</param>
    /// <returns>The next step, or the problems of the answer (a fact or field that does not exist, a value the field does not allow).</returns>
    public Result<Interview> Answer(string factId, string field, string value) => Answer([new InterviewAnswer(factId, field, value)]);

    /// <summary>Answers several questions at once, in order, and re-evaluates once.</summary>
    /// <param name="answers">The answers.</param>
    /// <returns>The next step, or every problem of the answers.</returns>
    public Result<Interview> Answer(IEnumerable<InterviewAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var given = answers.ToImmutableArray();
        var edit = new ScenarioEdit(Scenario, Ordinance.Ordinance.Vocabulary, Ordinance.Ordinance.Jurisdiction.TimeZone).ShowSensitive(Options.ShowSensitive);
        foreach (var answer in given)
        {
            edit.SetText(answer.FactId, answer.Field, answer.Value);
        }

        var scenario = edit.TryBuild(out var problems);
        return scenario is null
            ? Result<Interview>.Failure(problems)
            : Result<Interview>.Success(new Interview(Ordinance, scenario, AsOf, Options, Answers.AddRange(given)));
    }

    private ImmutableArray<InterviewQuestion> Ask(HashSet<(string FactId, string Field)> declined, out ImmutableArray<string> unaskable)
    {
        var fields = WhatIf.UnknownFields(Scenario);
        var undetermined = Report.Findings.Where(f => f.Status == FindingStatus.Undetermined).ToList();
        var asked = new List<(InterviewQuestion Question, int First)>();
        var cannot = new List<string>();
        foreach (var unknown in undetermined.SelectMany(f => f.Unknowns).Distinct(StringComparer.Ordinal))
        {
            if (!fields.TryGetValue(unknown, out var at) || declined.Contains((at.Fact.Id, at.Definition.Name)))
            {
                cannot.Add(unknown);
                continue;
            }

            var dependents = undetermined.Where(f => f.Unknowns.Contains(unknown, StringComparer.Ordinal)).ToImmutableArray();
            var question = new InterviewQuestion(
                at.Fact.Id,
                at.Fact.Type.Name,
                at.Definition.Name,
                Phrase(at.Fact, at.Definition),
                at.Definition.Description?.Trim(),
                at.Definition.Type.Kind,
                [.. WhatIf.Candidates(at.Definition).Select(v => new InterviewChoice(v, at.Definition.ValueDescriptions.GetValueOrDefault(v)))],
                dependents,
                Settles(at.Fact, at.Definition, dependents))
            {
                Sensitive = at.Definition.Sensitive,
            };
            asked.Add((question, undetermined.IndexOf(dependents[0])));
        }

        unaskable = [.. cannot];
        return [.. asked
            .OrderByDescending(q => q.Question.Settles)
            .ThenByDescending(q => q.Question.Findings.Length)
            .ThenBy(q => q.First)
            .Select(q => q.Question)];
    }

    /// <summary>How many of the dependent findings some value of the field settles, each value one evaluation by the engine.</summary>
    private int Settles(Fact fact, FieldDefinition field, ImmutableArray<Finding> dependents)
    {
        var values = WhatIf.Candidates(field).ToList();
        if (values.Count == 0)
        {
            return dependents.Length;
        }

        var settled = new HashSet<Finding>();
        foreach (var value in values)
        {
            var changed = new ScenarioEdit(Scenario, Ordinance.Ordinance.Vocabulary, Ordinance.Ordinance.Jurisdiction.TimeZone)
                .SetText(fact.Id, field.Name, value)
                .TryBuild(out _);
            if (changed is null)
            {
                continue;
            }

            var after = Ordinance.Evaluate(changed, AsOf, Options);
            settled.UnionWith(dependents.Where(d => WhatIf.Same(after, d) is not { Status: FindingStatus.Undetermined }));
        }

        return settled.Count;
    }

    private static string Phrase(Fact fact, FieldDefinition field)
    {
        var about = field.Description is { Length: > 0 } description ? description.Trim() : $"What is its {field.Name}?";
        var answer = field.Type.Kind switch
        {
            FieldKind.YesNo => "Answer yes or no.",
            FieldKind.Enumeration => $"Answer one of: {string.Join(", ", field.Type.Values)}.",
            FieldKind.EnumerationSet => $"Answer a list of any of: {string.Join(", ", field.Type.Values)}, such as [{field.Type.Values.FirstOrDefault()}].",
            FieldKind.Number => "Answer a number.",
            FieldKind.Instant => "Answer an instant, such as 2021-07-08T06:20:00-05:00 (a local time is read in the jurisdiction's zone).",
            FieldKind.Duration => "Answer a duration, such as 48h.",
            FieldKind.Reference => $"Answer the id of a {field.Type.ReferencedType} fact.",
            FieldKind.ReferenceSet => $"Answer a list of ids of {field.Type.ReferencedType} facts, such as [{field.Type.ReferencedType}-1], or none.",
            _ => "Answer in words.",
        };
        return $"{fact.Type.Name} {fact.Id}, {field.Name}: {about} {answer} (unknown if not known)";
    }
}
