using System.Collections.Immutable;

namespace OrdinanceRules.Vocabulary;

/// <summary>
/// The type of a field: its kind, and for enumerations the allowed values, for references the
/// fact type referred to.
/// </summary>
public sealed class FieldType : IEquatable<FieldType>
{
    private FieldType(FieldKind kind, ImmutableArray<string> values, string? referencedType)
    {
        Kind = kind;
        Values = values;
        ReferencedType = referencedType;
    }

    /// <summary>Free text.</summary>
    public static FieldType Text { get; } = new(FieldKind.Text, [], null);

    /// <summary>Yes or no.</summary>
    public static FieldType YesNo { get; } = new(FieldKind.YesNo, [], null);

    /// <summary>A decimal number.</summary>
    public static FieldType Number { get; } = new(FieldKind.Number, [], null);

    /// <summary>A point in time.</summary>
    public static FieldType Instant { get; } = new(FieldKind.Instant, [], null);

    /// <summary>An amount of elapsed time.</summary>
    public static FieldType Duration { get; } = new(FieldKind.Duration, [], null);

    /// <summary>The kind of value.</summary>
    public FieldKind Kind { get; }

    /// <summary>For enumerations and enumeration sets, the allowed values; otherwise empty.</summary>
    public ImmutableArray<string> Values { get; }

    /// <summary>For references and reference sets, the name of the fact type referred to; otherwise null.</summary>
    public string? ReferencedType { get; }

    /// <summary>One of a closed list of values.</summary>
    /// <param name="values">The allowed values.</param>
    /// <returns>The enumeration type.</returns>
    public static FieldType Enumeration(IEnumerable<string> values) =>
        new(FieldKind.Enumeration, [.. values], null);

    /// <summary>A set of values from a closed list.</summary>
    /// <param name="values">The allowed values.</param>
    /// <returns>The set type.</returns>
    public static FieldType EnumerationSet(IEnumerable<string> values) =>
        new(FieldKind.EnumerationSet, [.. values], null);

    /// <summary>A reference to another fact.</summary>
    /// <param name="factType">The name of the fact type referred to.</param>
    /// <returns>The reference type.</returns>
    public static FieldType Reference(string factType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(factType);
        return new(FieldKind.Reference, [], factType);
    }

    /// <summary>A set of references to other facts, all of one type.</summary>
    /// <param name="factType">The name of the fact type referred to.</param>
    /// <returns>The reference set type.</returns>
    public static FieldType ReferenceSet(string factType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(factType);
        return new(FieldKind.ReferenceSet, [], factType);
    }

    /// <summary>Whether <paramref name="value"/> is one of <see cref="Values"/>.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns>True when allowed.</returns>
    public bool Allows(string value) => Values.Contains(value, StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Equals(FieldType? other) =>
        other is not null && Kind == other.Kind && ReferencedType == other.ReferencedType &&
        Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldType);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, ReferencedType, Values.Length);

    /// <summary>A short description, such as <c>reference to agency</c> or <c>one of a, b</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        FieldKind.Text => "text",
        FieldKind.YesNo => "yes/no",
        FieldKind.Number => "number",
        FieldKind.Instant => "instant",
        FieldKind.Duration => "duration",
        FieldKind.Enumeration => $"one of {string.Join(", ", Values)}",
        FieldKind.EnumerationSet => $"set of {string.Join(", ", Values)}",
        FieldKind.Reference => $"reference to {ReferencedType}",
        FieldKind.ReferenceSet => $"set of references to {ReferencedType}",
        _ => Kind.ToString(),
    };
}
