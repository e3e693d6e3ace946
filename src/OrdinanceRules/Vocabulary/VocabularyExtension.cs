using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Vocabulary;

/// <summary>
/// What a city adds to a vocabulary it does not own: new fact types, new fields of existing types, and new
/// values of existing enumeration and set fields. Applied with <see cref="FactVocabulary.Extend(string, VocabularyExtension, out IReadOnlyList{Diagnostic})"/>.
/// </summary>
/// <remarks>
/// An extension only adds: nothing of the base is removed, renamed or retyped, so every scenario written for
/// the base reads the same under the extension, and two extensions of one base both read the base's scenarios.
/// </remarks>
public sealed class VocabularyExtension
{
    /// <summary>Creates an extension.</summary>
    /// <param name="types">New fact types; none may share a name with a type of the base.</param>
    /// <param name="fields">New fields of the base's types.</param>
    /// <param name="values">New values of the base's enumeration and set fields.</param>
    public VocabularyExtension(IEnumerable<FactType>? types = null, IEnumerable<FieldAddition>? fields = null, IEnumerable<ValueAddition>? values = null)
    {
        Types = types is null ? [] : [.. types];
        Fields = fields is null ? [] : [.. fields];
        Values = values is null ? [] : [.. values];
    }

    /// <summary>The new fact types.</summary>
    public ImmutableArray<FactType> Types { get; }

    /// <summary>The new fields of the base's types.</summary>
    public ImmutableArray<FieldAddition> Fields { get; }

    /// <summary>The new values of the base's enumeration and set fields.</summary>
    public ImmutableArray<ValueAddition> Values { get; }
}

/// <summary>A field added to a fact type of the base vocabulary.</summary>
/// <param name="TypeName">The base's type, such as <c>action</c>.</param>
/// <param name="Field">The new field.</param>
public sealed record FieldAddition(string TypeName, FieldDefinition Field);

/// <summary>A value added to an enumeration or set field of the base vocabulary.</summary>
/// <param name="TypeName">The base's type, such as <c>action</c>.</param>
/// <param name="FieldName">Its enumeration or set field, such as <c>kind</c>.</param>
/// <param name="Value">The new value, such as <c>stop</c>.</param>
/// <param name="Description">What the value means.</param>
/// <param name="Location">Where the value was written.</param>
public sealed record ValueAddition(string TypeName, string FieldName, string Value, string? Description = null, SourceLocation? Location = null);
