using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrdinanceRules.Json;

/// <summary>What <c>explain --format json</c> writes: one scenario's findings, each with its reasoning as a tree.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="Title">The ordinance's title.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="AsOf">The instant judged at.</param>
/// <param name="Explanations">One explanation per finding explained, in report order.</param>
/// <param name="Decision">The decision record of the whole evaluation.</param>
public sealed record ExplanationsDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("explanations")] ImmutableArray<ExplanationJson> Explanations,
    [property: JsonPropertyName("decision")] DecisionRecord Decision) : IContractDocument;

/// <summary>Why one finding came out as it did.</summary>
/// <param name="Finding">The finding.</param>
/// <param name="Tree">The reasoning: the root names the finding; its children are the conditions, exceptions and the deciding rule.</param>
public sealed record ExplanationJson(
    [property: JsonPropertyName("finding")] FindingJson Finding,
    [property: JsonPropertyName("tree")] ExplanationNodeJson Tree);

/// <summary>One step of a finding's reasoning.</summary>
/// <param name="Text">What the step says.</param>
/// <param name="Status"><c>info</c>, <c>held</c>, <c>failed</c>, <c>unknown</c> or <c>defeated</c>.</param>
/// <param name="Children">The steps under it, in reading order.</param>
public sealed record ExplanationNodeJson(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("children")] ImmutableArray<ExplanationNodeJson> Children);

/// <summary>
/// What <c>what-if --format json</c> writes: without <c>--set</c>, <see cref="Unknowns"/> (each unknown of each undetermined
/// finding and the outcome under each value tried); with it, <see cref="Changes"/> (the findings that change).
/// </summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="AsOf">The instant judged at.</param>
/// <param name="Set">The changes applied, as <c>fact.field=value</c>; empty without <c>--set</c>.</param>
/// <param name="Unknowns">The unknowns tried; omitted when <see cref="Set"/> is not empty.</param>
/// <param name="Changes">The findings that changed; omitted when <see cref="Set"/> is empty.</param>
/// <param name="Decision">The decision record of the scenario as given.</param>
/// <param name="DecisionAfter">The decision record after the changes; omitted when <see cref="Set"/> is empty.</param>
public sealed record WhatIfDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("scenario")] string Scenario,
    [property: JsonPropertyName("asOf")] DateTimeOffset AsOf,
    [property: JsonPropertyName("set")] ImmutableArray<string> Set,
    [property: JsonPropertyName("decision")] DecisionRecord Decision,
    [property: JsonPropertyName("unknowns")] ImmutableArray<UnknownJson>? Unknowns = null,
    [property: JsonPropertyName("changes")] ImmutableArray<ChangeJson>? Changes = null,
    [property: JsonPropertyName("decisionAfter")] DecisionRecord? DecisionAfter = null) : IContractDocument;

/// <summary>One unknown an undetermined finding depends on, and the outcome under each value tried.</summary>
/// <param name="Finding">The undetermined finding.</param>
/// <param name="Unknown">The unknown as the finding names it, such as <c>threat t-1: specificity</c>.</param>
/// <param name="Fact">The fact whose field is unknown; omitted when the unknown is not a field.</param>
/// <param name="Field">The field; omitted likewise.</param>
/// <param name="Tried">The values tried, in order; empty when they cannot be listed.</param>
public sealed record UnknownJson(
    [property: JsonPropertyName("finding")] FindingJson Finding,
    [property: JsonPropertyName("unknown")] string Unknown,
    [property: JsonPropertyName("tried")] ImmutableArray<TriedValueJson> Tried,
    [property: JsonPropertyName("fact")] string? Fact = null,
    [property: JsonPropertyName("field")] string? Field = null);

/// <summary>A value tried for an unknown, and the finding it gave.</summary>
/// <param name="Value">The value, as scenario YAML writes it.</param>
/// <param name="After">The finding of the same provision on the same facts; omitted when there is none.</param>
public sealed record TriedValueJson(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("after")] FindingJson? After = null);

/// <summary>A finding that changed: its status or reason differ, or it appeared or went.</summary>
/// <param name="Provision">The provision's id.</param>
/// <param name="Facts">The facts it binds.</param>
/// <param name="Before">The finding before; omitted when it is new.</param>
/// <param name="After">The finding after; omitted when it went.</param>
public sealed record ChangeJson(
    [property: JsonPropertyName("provision")] string Provision,
    [property: JsonPropertyName("facts")] ImmutableArray<FactJson> Facts,
    [property: JsonPropertyName("before")] FindingJson? Before = null,
    [property: JsonPropertyName("after")] FindingJson? After = null);

/// <summary>What <c>readings --format json</c> writes: the interpretive readings an ordinance declares.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Ordinance">The ordinance's citation.</param>
/// <param name="Title">Its title.</param>
/// <param name="ContentHash">Its content hash; omitted for an ordinance built in code.</param>
/// <param name="Readings">The readings, in the ordinance's order.</param>
/// <param name="Parameters">The parameters the ordinance fixes (a model's, or those an extending ordinance set), in order; omitted when it has none.</param>
public sealed record ReadingsDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("ordinance")] string Ordinance,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("readings")] ImmutableArray<ReadingDeclarationJson> Readings,
    [property: JsonPropertyName("contentHash")] string? ContentHash = null,
    [property: JsonPropertyName("parameters")] ImmutableArray<ParameterJson>? Parameters = null) : IContractDocument;

/// <summary>One parameter an ordinance fixes (see <see cref="Model.Parameter"/>), with its value in force.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Type">Its type as the YAML writes it: <c>yes-no</c>, <c>number</c>, <c>duration</c>, <c>text</c>, <c>text-list</c>, <c>choice</c>, <c>choice-set</c>.</param>
/// <param name="Value">The value in force, as the YAML writes it: <c>yes</c>, <c>48h</c>, <c>[PD, KCKPD]</c>.</param>
/// <param name="Default">The declaring ordinance's default, likewise.</param>
/// <param name="DeclaredBy">The citation of the ordinance that declared it.</param>
/// <param name="Description">What it decides.</param>
public sealed record ParameterJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("default")] string Default,
    [property: JsonPropertyName("declaredBy")] string DeclaredBy,
    [property: JsonPropertyName("description")] string Description);

/// <summary>One interpretive reading an ordinance declares.</summary>
/// <param name="Name">The reading's name.</param>
/// <param name="Question">The question the text leaves open.</param>
/// <param name="Default">The alternative taken unless another is chosen.</param>
/// <param name="Alternatives">The alternatives, in order.</param>
public sealed record ReadingDeclarationJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("default")] string Default,
    [property: JsonPropertyName("alternatives")] ImmutableArray<AlternativeJson> Alternatives);

/// <summary>One alternative of a reading.</summary>
/// <param name="Name">Its name, as <c>--reading name=alternative</c> takes it.</param>
/// <param name="Description">What it means.</param>
public sealed record AlternativeJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description);
