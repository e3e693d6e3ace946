namespace OrdinanceRules.Vocabulary;

/// <summary>
/// What a field reads as when a scenario leaves it out, where the law or the closed world of records supplies the
/// answer: yes or no for a yes/no field, one of its values for an enumeration, or <see cref="None"/> (no value: no
/// reference, no instant, no text, an empty set) for a field of any kind but yes/no.
/// </summary>
/// <remarks>
/// A field without a default that a scenario leaves out is unknown to every condition that reads it, and a finding that
/// depends on it names it: an omitted field is never silently no, false or empty. A report lists the defaults it applied
/// (<see cref="ComplianceReport.DefaultsApplied"/>).
/// </remarks>
public sealed record FieldDefault
{
    private FieldDefault(object? value) => Value = value;

    /// <summary>No value: the field reads as absent (<c>none</c>); for a set, the empty set. Written <c>default: none</c>.</summary>
    public static FieldDefault None { get; } = new((object?)null);

    /// <summary>The value, as a field of its kind holds it: a <see cref="bool"/> for a yes/no field, a <see cref="string"/> for an enumeration; null for <see cref="None"/>.</summary>
    public object? Value { get; }

    /// <summary>Whether the default is <see cref="None"/>.</summary>
    public bool IsNone => Value is null;

    /// <summary>A yes/no default (<c>default: yes</c> or <c>default: no</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The default.</returns>
    public static FieldDefault YesNo(bool value) => new(value);

    /// <summary>An enumeration's default value (<c>default: public</c>).</summary>
    /// <param name="value">One of the enumeration's values.</param>
    /// <returns>The default.</returns>
    public static FieldDefault Enumeration(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The default as a vocabulary file writes it: <c>yes</c>, <c>no</c>, <c>none</c> or the value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value switch
    {
        null => "none",
        true => "yes",
        false => "no",
        var v => v.ToString()!,
    };

    /// <summary>Whether the default fits a field of the given type.</summary>
    internal bool Fits(FieldType type) => Value switch
    {
        null => type.Kind != FieldKind.YesNo,
        bool => type.Kind == FieldKind.YesNo,
        string s => type.Kind == FieldKind.Enumeration && type.Allows(s),
        _ => false,
    };
}
