using System.Collections.Immutable;
using System.Globalization;

namespace OrdinanceRules.Facts;

/// <summary>Whether a field's value is stated, stated as unknown, or not stated at all.</summary>
public enum ValueState
{
    /// <summary>The field has no value: the scenario left it out, or stated <c>none</c> (for example a crime with no end yet).</summary>
    Absent,

    /// <summary>The scenario states that the value is not known. Conditions on it follow Kleene's logic.</summary>
    Unknown,

    /// <summary>The scenario states the value.</summary>
    Known,
}

/// <summary>The value of one field of a fact: absent, unknown, or a known value.</summary>
/// <remarks>
/// A known value is a <see cref="string"/> (text and enumerations), <see cref="bool"/>,
/// <see cref="decimal"/>, <see cref="DateTimeOffset"/>, <see cref="TimeSpan"/>, a <see cref="Fact"/>
/// (references) or an <see cref="ImmutableArray{T}"/> of strings (enumeration sets).
/// </remarks>
public readonly record struct FactValue
{
    internal FactValue(ValueState state, object? value)
    {
        State = state;
        Value = value;
    }

    /// <summary>The absent value.</summary>
    public static FactValue Absent => default;

    /// <summary>The unknown value.</summary>
    public static FactValue Unknown => new(ValueState.Unknown, null);

    /// <summary>Whether the value is absent, unknown or known.</summary>
    public ValueState State { get; }

    /// <summary>The known value; null unless <see cref="State"/> is <see cref="ValueState.Known"/>.</summary>
    public object? Value { get; }

    /// <summary>The value as text for a report: <c>unknown</c>, <c>(none)</c>, or the value.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => State switch
    {
        ValueState.Absent => "(none)",
        ValueState.Unknown => "unknown",
        _ => Format(Value),
    };

    internal static string Format(object? value) => value switch
    {
        null => "(none)",
        bool b => b ? "yes" : "no",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        TimeSpan s => DurationText.Format(s),
        Fact f => f.Id,
        ImmutableArray<string> set => "[" + string.Join(", ", set) + "]",
        ImmutableArray<Fact> facts => "[" + string.Join(", ", facts.Select(f => f.Id)) + "]",
        _ => value.ToString() ?? string.Empty,
    };
}
