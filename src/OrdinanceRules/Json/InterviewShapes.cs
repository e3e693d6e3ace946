using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrdinanceRules.Json;

/// <summary>
/// What <c>interview --format json</c> and <c>POST /v1/interview</c> write: the scenario's findings with every answer so far
/// applied, and the questions still worth asking, the one that could settle the most undetermined findings first.
/// </summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="AsOf">The instant judged at.</param>
/// <param name="Status"><c>open</c> (a question could still change an undetermined finding), <c>determined</c> (no finding is undetermined) or <c>exhausted</c> (some are, and nothing left to ask can change them).</param>
/// <param name="Answers">The answers applied, in order; a sensitive field's value shown as <c>[sensitive]</c>.</param>
/// <param name="Questions">The questions still worth asking, in the order to ask them; empty when the interview is over.</param>
/// <param name="Unaskable">The unknowns of undetermined findings no question can settle (not fields of a fact, or answered <c>unknown</c>).</param>
/// <param name="Findings">The findings of the scenario with the answers applied, in report order.</param>
/// <param name="Decision">The decision record of that evaluation.</param>
public sealed record InterviewDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("answers")] ImmutableArray<AnswerJson> Answers,
    [property: JsonPropertyName("questions")] ImmutableArray<QuestionJson> Questions,
    [property: JsonPropertyName("unaskable")] ImmutableArray<string> Unaskable,
    [property: JsonPropertyName("findings")] ImmutableArray<FindingJson> Findings,
    [property: JsonPropertyName("decision")] DecisionRecord Decision) : IContractDocument;

/// <summary>One answer applied.</summary>
/// <param name="Fact">The fact's id.</param>
/// <param name="Field">The field.</param>
/// <param name="Value">The value, as scenario YAML writes it; <c>[sensitive]</c> for a sensitive field unless the reader may see it.</param>
public sealed record AnswerJson(
    [property: JsonPropertyName("fact")] string Fact,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("value")] string Value);

/// <summary>One question worth asking: a field of a fact stated as unknown that an undetermined finding depends on.</summary>
/// <param name="Fact">The fact's id.</param>
/// <param name="Type">The fact's type.</param>
/// <param name="Field">The field.</param>
/// <param name="Unknown">The unknown as findings name it, such as <c>threat t-1: specificity</c>.</param>
/// <param name="Text">The question, phrased from the field's description with the values it allows.</param>
/// <param name="Kind">The kind of answer: <c>yes/no</c>, <c>one of a, b</c>, <c>instant</c>, and so on.</param>
/// <param name="Choices">The values allowed, for a yes/no or enumeration field; empty for other kinds.</param>
/// <param name="Settles">How many of the findings that depend on it some answer settles.</param>
/// <param name="Findings">The undetermined findings that depend on it.</param>
/// <param name="Sensitive">Whether the field is sensitive: its answer is redacted wherever it is shown.</param>
/// <param name="Description">The field's description in the vocabulary; omitted when it has none.</param>
public sealed record QuestionJson(
    [property: JsonPropertyName("fact")] string Fact,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("unknown")] string Unknown,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("choices")] ImmutableArray<ChoiceJson> Choices,
    [property: JsonPropertyName("settles")] int Settles,
    [property: JsonPropertyName("findings")] ImmutableArray<DecisionOutcome> Findings,
    [property: JsonPropertyName("sensitive")] bool Sensitive,
    [property: JsonPropertyName("description")] string? Description = null);

/// <summary>One value a question allows.</summary>
/// <param name="Value">The value.</param>
/// <param name="Description">What it means; omitted when the vocabulary does not say.</param>
public sealed record ChoiceJson(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("description")] string? Description = null);
