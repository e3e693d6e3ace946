using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace OrdinanceRules.Conditions;

/// <summary>
/// A value while a condition is evaluated: absent, unknown (with what it is unknown because of) or known. Conditions
/// compile to expression trees over this type. A known value is a typed payload, never boxed: a yes/no, an instant (its
/// UTC ticks and its offset), a duration or a calendar period in <see cref="_bits"/>, a number in <see cref="_number"/>,
/// and only what is already an object (text, an enumeration value, a set, a fact) in <see cref="_ref"/>; the list of
/// unknowns exists only for an unknown value (in the same slot), so a scenario without unknowns never allocates one.
/// An unknown number may carry bounds it is known to lie within (a <c>count</c> with members whose where-clause is
/// unknown), in the slots a known number and offset use: <see cref="_offsetMinutes"/> says which bounds it has, and
/// <see cref="_number"/> and <see cref="_bits"/> hold them, so bounds neither grow the value nor allocate.
/// </summary>
internal readonly struct Val
{
    private readonly ValKind _kind;
    private readonly short _offsetMinutes;
    private readonly long _bits;
    private readonly decimal _number;
    private readonly object? _ref;

    private Val(ValKind kind, long bits = 0, decimal number = 0m, object? reference = null, short offsetMinutes = 0)
    {
        _kind = kind;
        _bits = bits;
        _number = number;
        _ref = reference;
        _offsetMinutes = offsetMinutes;
    }

    /// <summary>For an unknown number, which bounds it has (<see cref="_offsetMinutes"/>'s bits): a lower one, an upper one.</summary>
    private const short HasLower = 1;

    private const short HasUpper = 2;

    public static Val Absent => default;

    public static Val True { get; } = new(ValKind.Bool, bits: 1);

    public static Val False { get; } = new(ValKind.Bool, bits: 0);

    public ValKind Kind => _kind;

    public bool IsKnown => _kind > ValKind.Unknown;

    public bool IsUnknown => _kind == ValKind.Unknown;

    public bool IsAbsent => _kind == ValKind.Absent;

    /// <summary>For an unknown value: what it is unknown because of; empty otherwise.</summary>
    public ImmutableArray<UnknownCause> Missing =>
        _kind == ValKind.Unknown ? ImmutableCollectionsMarshal.AsImmutableArray((UnknownCause[])_ref!) : [];

    /// <summary>For an unknown number: the least it can be, when that is known; null otherwise.</summary>
    public decimal? Lower => _kind == ValKind.Unknown && (_offsetMinutes & HasLower) != 0 ? _number : null;

    /// <summary>For an unknown number: the most it can be, when that is known; null otherwise.</summary>
    public decimal? Upper => _kind != ValKind.Unknown || (_offsetMinutes & HasUpper) == 0 ? null
        : (_offsetMinutes & HasLower) != 0 ? _number + _bits : _number;

    /// <summary>Whether this is an unknown number with a bound, below or above (<see cref="Lower"/>, <see cref="Upper"/>).</summary>
    public bool IsBounded => _kind == ValKind.Unknown && _offsetMinutes != 0;

    /// <summary>A known yes/no.</summary>
    public bool Boolean => _bits != 0;

    /// <summary>A known number.</summary>
    public decimal Number => _number;

    /// <summary>A known instant, with the offset it was stated in.</summary>
    public DateTimeOffset Instant
    {
        get
        {
            var offset = TimeSpan.FromMinutes(_offsetMinutes);
            return new DateTimeOffset(_bits + offset.Ticks, offset);
        }
    }

    /// <summary>A known instant's UTC ticks: what instants are compared by.</summary>
    public long UtcTicks => _bits;

    /// <summary>A known duration.</summary>
    public TimeSpan Duration => new(_bits);

    /// <summary>A known calendar period.</summary>
    public CalendarPeriod Period => new((int)(_bits >> 32), (int)(_bits & 0xFFFFFFFF));

    /// <summary>A known value that is an object already: text, an enumeration value, a set, a fact.</summary>
    public object? Reference => _kind == ValKind.Reference ? _ref : null;

    /// <summary>
    /// A known value as an object, boxed on demand (for wording and the rare path that needs an object); null when the
    /// value is not known. The operations of <see cref="Ops"/> read the typed payloads instead.
    /// </summary>
    public object? Value => _kind switch
    {
        ValKind.Bool => Boolean ? BoxedTrue : BoxedFalse,
        ValKind.Number => _number,
        ValKind.Instant => Instant,
        ValKind.Duration => Duration,
        ValKind.Period => Period,
        ValKind.Reference => _ref,
        _ => null,
    };

    private static readonly object BoxedTrue = true;

    private static readonly object BoxedFalse = false;

    /// <summary>A known value from an object, such as a fact's field or a literal; unboxed into its typed payload.</summary>
    public static Val Known(object value) => value switch
    {
        bool b => Bool(b),
        decimal n => Known(n),
        DateTimeOffset t => Known(t),
        TimeSpan d => Known(d),
        CalendarPeriod p => Known(p),
        _ => new(ValKind.Reference, reference: value),
    };

    public static Val Known(decimal value) => new(ValKind.Number, number: value);

    public static Val Known(DateTimeOffset value) =>
        new(ValKind.Instant, bits: value.UtcTicks, offsetMinutes: (short)(value.Offset.Ticks / TimeSpan.TicksPerMinute));

    public static Val Known(TimeSpan value) => new(ValKind.Duration, bits: value.Ticks);

    public static Val Known(CalendarPeriod value) => new(ValKind.Period, bits: ((long)value.Months << 32) | (uint)value.Days);

    public static Val Unknown(ImmutableArray<UnknownCause> missing) =>
        new(ValKind.Unknown, reference: missing.IsDefault ? Array.Empty<UnknownCause>() : ImmutableCollectionsMarshal.AsArray(missing));

    /// <summary>
    /// An unknown number known to lie within <paramref name="lower"/> and <paramref name="upper"/> (null: no bound on
    /// that side), naming what is missing. Bounds that cannot be held (an upper below the lower, or a spread between
    /// them that is not a whole number) are dropped: the value is then unknown without bounds, which is always sound.
    /// </summary>
    public static Val Unknown(ImmutableArray<UnknownCause> missing, decimal? lower, decimal? upper)
    {
        var unknown = Unknown(missing);
        if (lower is not { } l)
        {
            return upper is { } u ? new(ValKind.Unknown, number: u, reference: unknown._ref, offsetMinutes: HasUpper) : unknown;
        }

        if (upper is null)
        {
            return new(ValKind.Unknown, number: l, reference: unknown._ref, offsetMinutes: HasLower);
        }

        var spread = upper.Value - l;
        return spread < 0 || decimal.Truncate(spread) != spread || spread > long.MaxValue
            ? unknown
            : new(ValKind.Unknown, bits: (long)spread, number: l, reference: unknown._ref, offsetMinutes: HasLower | HasUpper);
    }

    /// <summary>This unknown without its bounds: what a value that is not a number, or not known to be bounded, carries on.</summary>
    public Val WithoutBounds => IsBounded ? new(ValKind.Unknown, reference: _ref) : this;

    public static Val Unknown(UnknownCause missing) => new(ValKind.Unknown, reference: new[] { missing });

    /// <summary>Unknown for a reason no single field holds, worded.</summary>
    public static Val Unknown(string reason) => Unknown(UnknownCause.Because(reason));

    public static Val Bool(bool value) => value ? True : False;
}

/// <summary>What a <see cref="Val"/> holds; the known kinds come after <see cref="Unknown"/>.</summary>
internal enum ValKind : byte
{
    Absent = 0,
    Unknown,
    Bool,
    Number,
    Instant,
    Duration,
    Period,
    Reference,
}
