using System.Collections.Immutable;

namespace OrdinanceRules.Conditions;

/// <summary>
/// A value while a condition is evaluated: absent, unknown (with the names of the unknown facts it
/// came from) or known. Conditions compile to expression trees over this type.
/// </summary>
internal readonly struct Val
{
    private const byte AbsentState = 0;
    private const byte UnknownState = 1;
    private const byte KnownState = 2;

    private readonly byte _state;

    private Val(byte state, object? value, ImmutableArray<string> missing)
    {
        _state = state;
        Value = value;
        Missing = missing.IsDefault ? [] : missing;
    }

    public static Val Absent => default;

    public static Val True { get; } = Known(true);

    public static Val False { get; } = Known(false);

    public object? Value { get; }

    /// <summary>For an unknown value: what it is unknown because of, such as <c>threat t1: specificity</c>.</summary>
    public ImmutableArray<string> Missing { get; }

    public bool IsKnown => _state == KnownState;

    public bool IsUnknown => _state == UnknownState;

    public bool IsAbsent => _state == AbsentState;

    public static Val Known(object value) => new(KnownState, value, []);

    public static Val Unknown(ImmutableArray<string> missing) => new(UnknownState, null, missing);

    public static Val Unknown(string missing) => new(UnknownState, null, [missing]);

    public static Val Bool(bool value) => value ? True : False;
}
