using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Facts;

/// <summary>
/// One fact of a scenario: a thing of a vocabulary's type (a request, an action, a crime) with an id
/// and field values.
/// </summary>
/// <remarks>
/// Facts are immutable once their scenario is built, and are inserted into NRules as they are: a fact
/// is identified by reference, so two facts with the same values stay two facts.
/// </remarks>
public sealed class Fact
{
    private readonly object?[] _values;

    internal Fact(FactType type, string id, SourceLocation? location)
    {
        Type = type;
        Id = id;
        Location = location;
        _values = new object?[type.Fields.Length];
    }

    /// <summary>The fact's type.</summary>
    public FactType Type { get; }

    /// <summary>The fact's id, unique in its scenario.</summary>
    public string Id { get; }

    /// <summary>Where the fact was stated, when it came from a file.</summary>
    public SourceLocation? Location { get; }

    /// <summary>The value of a field.</summary>
    /// <param name="field">The field's name.</param>
    /// <returns>The value; <see cref="FactValue.Absent"/> when not stated.</returns>
    /// <exception cref="ArgumentException">The fact's type has no such field.</exception>
    public FactValue this[string field]
    {
        get
        {
            var index = Type.IndexOf(field);
            if (index < 0)
            {
                throw new ArgumentException($"fact type '{Type.Name}' has no field '{field}'", nameof(field));
            }

            return ValueAt(index);
        }
    }

    internal FactValue ValueAt(int index) => _values[index] switch
    {
        null or NoneMarker => FactValue.Absent,
        UnknownMarker => FactValue.Unknown,
        var v => new FactValue(ValueState.Known, v),
    };

    /// <summary>The stored value: null when the scenario left the field out, <see cref="NoneMarker"/> when it stated none, <see cref="UnknownMarker"/> when unknown.</summary>
    internal object? RawAt(int index) => _values[index];

    /// <summary>Whether the scenario left the field out (neither stated a value, nor none, nor unknown).</summary>
    internal bool Omits(int index) => _values[index] is null;

    /// <summary>
    /// Whether some field of the fact can read as unknown: one stated <c>unknown</c>, or one left out that has no default.
    /// A scenario none of whose facts has one gives no condition over facts alone an unknown value.
    /// </summary>
    internal bool HasUnknownValue
    {
        get
        {
            for (var i = 0; i < _values.Length; i++)
            {
                if (_values[i] is UnknownMarker || (_values[i] is null && Type.Fields[i].Default is null))
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal void SetRaw(int index, object? value) => _values[index] = value;

    /// <summary>The fact's type and id, such as <c>request req-1</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Type.Name} {Id}";
}

/// <summary>The stored form of an unknown value.</summary>
internal sealed class UnknownMarker
{
    public static readonly UnknownMarker Instance = new();

    private UnknownMarker()
    {
    }
}

/// <summary>The stored form of a field stated to have no value (<c>none</c>).</summary>
internal sealed class NoneMarker
{
    public static readonly NoneMarker Instance = new();

    private NoneMarker()
    {
    }
}
