using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrdinanceRules.Json;

/// <summary>What <c>vocabulary --format json</c> writes: a fact vocabulary's types, fields and values, with their meanings.</summary>
/// <param name="SchemaVersion">The contract's version.</param>
/// <param name="Name">The vocabulary's name, such as <c>immigration-cooperation</c>.</param>
/// <param name="Types">Its fact types, in the vocabulary's order.</param>
/// <param name="Description">What it describes; omitted when the file gives nothing.</param>
/// <param name="Extends">For an extension, the name of the vocabulary it extends; omitted otherwise.</param>
public sealed record VocabularyDocument(
    [property: JsonPropertyName("schemaVersion")] int SchemaVersion,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("types")] ImmutableArray<FactTypeJson> Types,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("extends")] string? Extends = null) : IContractDocument;

/// <summary>One fact type of a vocabulary.</summary>
/// <param name="Name">The type's name, the first key of a fact of this type in a scenario.</param>
/// <param name="Added">Whether an extension adds the type (false for every type of a vocabulary that extends nothing).</param>
/// <param name="Fields">Its fields, in the vocabulary's order; the fact's <c>id</c> is not one of them.</param>
/// <param name="Description">What a fact of this type is; omitted when the vocabulary says nothing.</param>
public sealed record FactTypeJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("added")] bool Added,
    [property: JsonPropertyName("fields")] ImmutableArray<FieldJson> Fields,
    [property: JsonPropertyName("description")] string? Description = null);

/// <summary>One field of a fact type.</summary>
/// <param name="Name">The field's name.</param>
/// <param name="Type">Its kind, as a vocabulary file writes it: <c>text</c>, <c>yes-no</c>, <c>number</c>, <c>instant</c>, <c>duration</c>, <c>enumeration</c>, <c>set</c> or <c>reference</c>.</param>
/// <param name="Added">Whether an extension adds the field to its type.</param>
/// <param name="Sensitive">Whether its values are hidden in every output unless the reader asks for them (<c>--show-sensitive</c>).</param>
/// <param name="Values">For an enumeration or a set, the values allowed, in the vocabulary's order; empty for other kinds.</param>
/// <param name="Description">What the field means; omitted when the vocabulary says nothing.</param>
/// <param name="To">For a reference, the fact type referred to; omitted for other kinds.</param>
/// <param name="Default">For a yes/no field with a default, the value an omitted field takes; omitted otherwise (see <paramref name="DefaultValue"/>, which covers every kind).</param>
/// <param name="DefaultValue">The default of a field of any kind, as a vocabulary file writes it: <c>yes</c>, <c>no</c>, an enumeration's value, or <c>none</c> (no value); omitted when the field has none, so that an omitted field is unknown.</param>
public sealed record FieldJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("added")] bool Added,
    [property: JsonPropertyName("sensitive")] bool Sensitive,
    [property: JsonPropertyName("values")] ImmutableArray<FieldValueJson> Values,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("to")] string? To = null,
    [property: JsonPropertyName("default")] bool? Default = null,
    [property: JsonPropertyName("defaultValue")] string? DefaultValue = null);

/// <summary>One value of an enumeration or set field.</summary>
/// <param name="Value">The value, as a scenario writes it.</param>
/// <param name="Added">Whether an extension adds the value to the field.</param>
/// <param name="Description">What the value means; omitted when the vocabulary says nothing.</param>
public sealed record FieldValueJson(
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("added")] bool Added,
    [property: JsonPropertyName("description")] string? Description = null);
