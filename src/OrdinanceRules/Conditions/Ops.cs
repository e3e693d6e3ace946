using System.Collections.Immutable;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Conditions;

/// <summary>
/// The runtime of the condition language: the operations compiled expression trees call. Kleene's
/// strong three-valued logic throughout; unknowns carry the names of what is missing.
/// </summary>
internal static class Ops
{
    public static Val OfFact(Fact? fact) => fact is null ? Val.Absent : Val.Known(fact);

    /// <summary>
    /// Whether a fact is of the named type: a call, not a member access, so that NRules' expression comparer, which
    /// does not compare a member of an array element (<c>claim.Bindings[0].Type</c>), can compare two rules' tests.
    /// </summary>
    public static bool IsOfType(Fact fact, string type) => string.Equals(fact.Type.Name, type, StringComparison.Ordinal);

    public static Val Field(Val target, string type, int index, string field)
    {
        if (!target.IsKnown)
        {
            return target;
        }

        if (target.Reference is not Fact fact || fact.Type.Name != type)
        {
            return Val.Absent;
        }

        return fact.RawAt(index) switch
        {
            null or NoneMarker => Val.Absent,
            UnknownMarker => Val.Unknown(UnknownName(fact, field)),
            var value => Val.Known(value),
        };
    }

    /// <summary>
    /// A field as a condition reads it: as <see cref="Field"/>, but a field the fact leaves out (neither stated, nor
    /// <c>none</c>, nor <c>unknown</c>) reads as the vocabulary's default when it has one (<paramref name="hasDefault"/>;
    /// <paramref name="whenOmitted"/> is the value, null for <c>none</c>), and otherwise as unknown under the same name a
    /// field stated unknown carries (so the finding names it and what-if can try its values): never a silent no.
    /// </summary>
    public static Val DefaultedField(Val target, string type, int index, string field, bool hasDefault, object? whenOmitted)
    {
        if (target.Reference is not Fact fact || fact.Type.Name != type || !fact.Omits(index))
        {
            return Field(target, type, index, field);
        }

        return !hasDefault ? Val.Unknown(UnknownName(fact, field)) : whenOmitted is null ? Val.Absent : Val.Known(whenOmitted);
    }

    public static Val Reading(EvaluationContext context, int index) => Val.Known(context.Readings[index]);

    public static Val AsOf(EvaluationContext context) => Val.Known(context.AsOf);

    /// <summary>The unknowns of <paramref name="more"/> not already in <paramref name="so"/>, after those of <paramref name="so"/>; no new list when one side adds nothing.</summary>
    private static ImmutableArray<UnknownCause> Union(ImmutableArray<UnknownCause> so, ImmutableArray<UnknownCause> more)
    {
        if (so.IsEmpty)
        {
            return more;
        }

        List<UnknownCause>? added = null;
        foreach (var m in more)
        {
            if (!so.Contains(m))
            {
                (added ??= []).Add(m);
            }
        }

        return added is null ? so : so.AddRange(added);
    }

    public static Val If(Val test, Val then, Val otherwise)
    {
        if (IsTrue(test))
        {
            return then;
        }

        if (IsFalse(test))
        {
            return otherwise;
        }

        if (then.IsKnown && otherwise.IsKnown && ValueEquals(then, otherwise))
        {
            return then;
        }

        return Val.Unknown(Union(Union(test.Missing, then.Missing), otherwise.Missing));
    }

    /// <summary>An unknown field of a fact (findings word it as <c>threat t-1: specificity</c>; what-if looks it back up).</summary>
    public static UnknownCause UnknownName(Fact fact, string field) => UnknownCause.OfField(fact.Type.Name, fact.Id, field);

    public static Val Id(Val target) => target.IsKnown ? Val.Known(((Fact)target.Reference!).Id) : target;

    /// <summary>
    /// Whether every member the where-clause selects passes the test, in Kleene logic: no as soon as one selected member
    /// fails it (whatever the unknowns); otherwise unknown when a member's where-clause or test is unknown and could
    /// change the answer (a member that passes the test whatever its where-clause changes nothing); otherwise yes.
    /// </summary>
    public static Val Every(IEnumerable<Fact> members, Func<Fact, Val> where, Func<Fact, Val> test)
    {
        var result = Val.True;
        foreach (var member in members)
        {
            var selected = where(member);
            if (IsFalse(selected))
            {
                continue;
            }

            result = And(result, Or(Not(selected), test(member)));
            if (IsFalse(result))
            {
                return result;
            }
        }

        return result;
    }

    /// <summary>Whether some member passes the where-clause, in Kleene logic: yes as soon as one does, unknown when none does but one may.</summary>
    public static Val Some(IEnumerable<Fact> members, Func<Fact, Val> where)
    {
        var result = Val.False;
        foreach (var member in members)
        {
            result = Or(result, where(member));
            if (IsTrue(result))
            {
                return result;
            }
        }

        return result;
    }

    /// <summary>What is unknown when the scenario says further facts of a type may exist.</summary>
    public static string FurtherUnknown(string type) => $"whether any further {type} exists";

    /// <summary>
    /// A quantifier over all the facts of a type, where the scenario says further facts of it may exist (its
    /// <c>unknown:</c> list): a further fact could fail <c>every</c>'s test, pass <c>some</c>'s where-clause, or add to the
    /// <c>count</c>. So <c>every</c> that is yes and <c>some</c> that is no become unknown, naming the type; a no of
    /// <c>every</c> and a yes of <c>some</c> stand, since no further fact can change them; <c>count</c> becomes unknown
    /// with no upper bound, its lower bound what the listed facts already give (a further fact can only add to it).
    /// </summary>
    public static Val OpenWorld(Val value, EvaluationContext context, string type, string quantifier)
    {
        if (!context.OpenTypes.Contains(type))
        {
            return value;
        }

        var further = Val.Unknown(FurtherUnknown(type));
        return quantifier switch
        {
            "every" => IsFalse(value) ? value : Val.Unknown(Merge(value, further)),
            "some" => IsTrue(value) ? value : Val.Unknown(Merge(value, further)),
            _ => Val.Unknown(Merge(value, further), value.IsKnown ? value.Number : value.Lower, null),
        };
    }

    /// <summary>
    /// <c>every(d in a.basedOn, where, test)</c>: <see cref="Every"/> over the facts a set of references refers to. A set
    /// stated <c>none</c> is empty; an unknown set makes the answer unknown, naming the set (so for the two below).
    /// </summary>
    public static Val EveryReferenced(Val set, Func<Fact, Val> where, Func<Fact, Val> test) => set.IsUnknown ? set : Every(Referenced(set), where, test);

    /// <summary><c>some(d in a.basedOn, where)</c>: <see cref="Some"/> over the facts a set of references refers to.</summary>
    public static Val SomeReferenced(Val set, Func<Fact, Val> where) => set.IsUnknown ? set : Some(Referenced(set), where);

    /// <summary><c>count(d in a.basedOn, where)</c>: <see cref="Count"/> over the facts a set of references refers to.</summary>
    public static Val CountReferenced(Val set, Func<Fact, Val> where) => set.IsUnknown ? set : Count(Referenced(set), where);

    private static ImmutableArray<Fact> Referenced(Val set) => set.Reference is ImmutableArray<Fact> facts ? facts : [];

    /// <summary>
    /// How many members pass the where-clause. When whether some do is unknown, the count is unknown, naming what is
    /// missing, and bounded: at least the members that pass, at most those and the members that may (so a comparison
    /// that every count within the bounds answers alike is decided, <see cref="Compare"/>).
    /// </summary>
    public static Val Count(IEnumerable<Fact> members, Func<Fact, Val> where)
    {
        var count = 0m;
        var undecided = 0;
        var missing = ImmutableArray<UnknownCause>.Empty;
        foreach (var member in members)
        {
            var selected = where(member);
            if (IsTrue(selected))
            {
                count++;
            }
            else if (selected.IsUnknown)
            {
                undecided++;
                missing = Union(missing, selected.Missing);
            }
        }

        return undecided == 0 ? Val.Known(count) : Val.Unknown(missing, count, count + undecided);
    }

    public static Val Not(Val a) => a.IsKnown ? Val.Bool(!a.Boolean) : a.IsUnknown ? a : Val.True;

    public static Val And(Val a, Val b)
    {
        if (IsFalse(a) || IsFalse(b))
        {
            return Val.False;
        }

        if (a.IsUnknown || b.IsUnknown)
        {
            return Val.Unknown(Merge(a, b));
        }

        return Val.True;
    }

    public static Val Or(Val a, Val b)
    {
        if (IsTrue(a) || IsTrue(b))
        {
            return Val.True;
        }

        if (a.IsUnknown || b.IsUnknown)
        {
            return Val.Unknown(Merge(a, b));
        }

        return Val.False;
    }

    public static Val Eq(Val a, Val b)
    {
        if (a.IsUnknown || b.IsUnknown)
        {
            return Undecided(a, b, Equal);
        }

        if (a.IsAbsent || b.IsAbsent)
        {
            return Val.False;
        }

        return Val.Bool(ValueEquals(a, b));
    }

    public static Val Ne(Val a, Val b)
    {
        var eq = Eq(a, b);
        return eq.IsKnown ? Val.Bool(!eq.Boolean) : eq;
    }

    /// <summary>
    /// a &lt; b (0), a &lt;= b (1), a &gt; b (2), a &gt;= b (3). With an unknown side: decided when it is a number within
    /// bounds (a <c>count</c>) and the other a known number, and every number within the bounds gives one answer;
    /// otherwise unknown, naming what is missing (<see cref="Undecided"/>).
    /// </summary>
    public static Val Compare(Val a, Val b, int op)
    {
        if (a.IsUnknown || b.IsUnknown)
        {
            return Undecided(a, b, op);
        }

        if (a.IsAbsent || b.IsAbsent)
        {
            return Val.False;
        }

        var c = a.Kind switch
        {
            ValKind.Number => a.Number.CompareTo(b.Number),
            ValKind.Instant or ValKind.Duration => a.UtcTicks.CompareTo(b.UtcTicks),
            _ => throw new InvalidOperationException("The type checker let through an ordering of unordered values."),
        };
        return Val.Bool(op switch
        {
            0 => c < 0,
            1 => c <= 0,
            2 => c > 0,
            _ => c >= 0,
        });
    }

    public static Val In(Val item, Val collection)
    {
        if (item.IsUnknown || collection.IsUnknown)
        {
            return Val.Unknown(Merge(item, collection));
        }

        if (item.IsAbsent || collection.IsAbsent)
        {
            return Val.False;
        }

        foreach (var v in Items(collection))
        {
            if (ValueEquals(item, Val.Known(v)))
            {
                return Val.True;
            }
        }

        return Val.False;
    }

    public static Val InList(Val item, Val[] list)
    {
        if (item.IsUnknown)
        {
            return item.WithoutBounds;
        }

        if (item.IsAbsent)
        {
            return Val.False;
        }

        var unknowns = ImmutableArray<UnknownCause>.Empty;
        foreach (var candidate in list)
        {
            if (candidate.IsUnknown)
            {
                unknowns = unknowns.AddRange(candidate.Missing);
            }
            else if (candidate.IsKnown && ValueEquals(item, candidate))
            {
                return Val.True;
            }
        }

        return unknowns.IsEmpty ? Val.False : Val.Unknown(unknowns);
    }

    /// <summary>The operator <see cref="Undecided"/> reads as <c>==</c>; 0 to 3 are those of <see cref="Compare"/>.</summary>
    private const int Equal = 4;

    /// <summary>
    /// A comparison (<see cref="Compare"/>'s operators, or <see cref="Equal"/>) with an unknown side: when one side is an
    /// unknown number within bounds and the other a known number, the answer every number within the bounds gives, if
    /// they all give the same; otherwise unknown, naming what is missing. Two bounded sides stay unknown.
    /// </summary>
    private static Val Undecided(Val a, Val b, int op)
    {
        bool? decided = null;
        if (a.IsBounded && b.Kind == ValKind.Number)
        {
            decided = Within(a.Lower, a.Upper, op, b.Number);
        }
        else if (b.IsBounded && a.Kind == ValKind.Number)
        {
            // k op x is x op' k with the order reversed: k < x is x > k.
            decided = Within(b.Lower, b.Upper, op switch { 0 => 2, 1 => 3, 2 => 0, 3 => 1, _ => op }, a.Number);
        }

        return decided is { } answer ? Val.Bool(answer) : Val.Unknown(Merge(a, b));
    }

    /// <summary>x op k for every x within lower..upper (null: no bound on that side): yes, no, or null when they differ.</summary>
    private static bool? Within(decimal? lower, decimal? upper, int op, decimal k) => op switch
    {
        0 => upper < k ? true : lower >= k ? false : null,
        1 => upper <= k ? true : lower > k ? false : null,
        2 => lower > k ? true : upper <= k ? false : null,
        3 => lower >= k ? true : upper < k ? false : null,
        _ => lower == k && upper == k ? true : lower > k || upper < k ? false : null,
    };

    public static Val Add(Val a, Val b) => Arithmetic(a, b, subtract: false);

    public static Val Subtract(Val a, Val b) => Arithmetic(a, b, subtract: true);

    /// <summary>Calendar arithmetic: instant ± period, period + instant, period ± period, counted in <paramref name="zone"/>.</summary>
    public static Val AddCalendar(Val a, Val b, bool subtract, NodaTime.DateTimeZone zone)
    {
        if (a.IsUnknown || b.IsUnknown)
        {
            return Val.Unknown(Merge(a, b));
        }

        if (a.IsAbsent || b.IsAbsent)
        {
            return Val.Absent;
        }

        try
        {
            switch (a.Kind, b.Kind)
            {
                case (ValKind.Instant, ValKind.Period):
                case (ValKind.Period, ValKind.Instant):
                    var (t, p) = a.Kind == ValKind.Instant ? (a.Instant, subtract ? -b.Period : b.Period) : (b.Instant, a.Period);
                    var at = CalendarTime.Add(t, p, zone);
                    return Diagnostics.Limits.InRange(at) ? Val.Known(at) : throw Overflow(a, b, subtract);
                case (ValKind.Period, ValKind.Period):
                    var sum = subtract ? a.Period + -b.Period : a.Period + b.Period;
                    return sum.InRange ? Val.Known(sum) : throw Overflow(a, b, subtract);
                default:
                    throw new InvalidOperationException("The type checker let through calendar arithmetic on the wrong types.");
            }
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw Overflow(a, b, subtract);
        }
    }

    /// <summary>The start, or the end, of the day, month, quarter or year an instant falls in, in <paramref name="zone"/>.</summary>
    public static Val Boundary(Val t, CalendarUnit unit, bool end, NodaTime.DateTimeZone zone)
    {
        if (!t.IsKnown)
        {
            return t;
        }

        try
        {
            var result = CalendarTime.Boundary(t.Instant, unit, end, zone);
            return Diagnostics.Limits.InRange(result) ? Val.Known(result) : throw BoundaryOverflow(t, unit, end);
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw BoundaryOverflow(t, unit, end);
        }
    }

    private static ValueOverflowException BoundaryOverflow(Val t, CalendarUnit unit, bool end) =>
        new($"the {(end ? "end" : "start")} of the {unit.ToString().ToLowerInvariant()} of {FactValue.Format(t.Value!)} is out of range");

    public static Val Known(Val a) => Val.Bool(a.IsKnown);

    public static Val IsAbsent(Val a) => Val.Bool(a.IsAbsent);

    public static Val Within(Val t, Val start, Val end)
    {
        var afterStart = Compare(start, t, 1);
        var beforeEnd = end.IsAbsent ? Val.True : Compare(t, end, 1);
        return And(afterStart, beforeEnd);
    }

    public static Val AnyOf(Val set, Val[] list)
    {
        if (set.IsUnknown)
        {
            return set;
        }

        if (set.IsAbsent)
        {
            return Val.False;
        }

        foreach (var v in Items(set))
        {
            if (Wanted(v, list))
            {
                return Val.True;
            }
        }

        return Val.False;
    }

    public static Val Only(Val set, Val[] list)
    {
        if (set.IsUnknown)
        {
            return set;
        }

        if (set.IsAbsent)
        {
            return Val.False;
        }

        var any = false;
        foreach (var v in Items(set))
        {
            if (!Wanted(v, list))
            {
                return Val.False;
            }

            any = true;
        }

        return Val.Bool(any);
    }

    public static bool IsTrue(Val a) => a.Kind == ValKind.Bool && a.Boolean;

    public static bool IsFalse(Val a) => a.IsAbsent || (a.Kind == ValKind.Bool && !a.Boolean);

    public static bool IsUnknown(Val a) => a.IsUnknown;

    public static bool IsNotFalse(Val a) => !IsFalse(a);

    /// <summary>A value that must be stated: absent becomes unknown, naming what is missing.</summary>
    public static Val Stated(Val a, string what) => a.IsAbsent ? Val.Unknown(what) : a;

    /// <summary>The instant a value holds, or null when it is absent or unknown.</summary>
    public static DateTimeOffset? InstantOrNull(Val a) => a.IsKnown ? a.Instant : null;

    private static Val Arithmetic(Val a, Val b, bool subtract)
    {
        if (a.IsUnknown || b.IsUnknown)
        {
            return Shifted(a, b, subtract);
        }

        if (a.IsAbsent || b.IsAbsent)
        {
            return Val.Absent;
        }

        try
        {
            switch (a.Kind, b.Kind)
            {
                case (ValKind.Number, ValKind.Number):
                    var n = subtract ? a.Number - b.Number : a.Number + b.Number;
                    return Diagnostics.Limits.InRange(n) ? Val.Known(n) : throw Overflow(a, b, subtract);
                case (ValKind.Instant, ValKind.Duration):
                    return InRange(subtract ? a.Instant - b.Duration : a.Instant + b.Duration);
                case (ValKind.Instant, ValKind.Instant):
                    return Val.Known(a.Instant - b.Instant);
                case (ValKind.Duration, ValKind.Duration):
                    return Val.Known(subtract ? a.Duration - b.Duration : a.Duration + b.Duration);
                case (ValKind.Duration, ValKind.Instant):
                    return InRange(b.Instant + a.Duration);
                default:
                    throw new InvalidOperationException("The type checker let through arithmetic on the wrong types.");
            }
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw Overflow(a, b, subtract);
        }

        Val InRange(DateTimeOffset t) => Diagnostics.Limits.InRange(t) ? Val.Known(t) : throw Overflow(a, b, subtract);
    }

    /// <summary>
    /// Arithmetic with an unknown side: a number within bounds plus or minus a known number is unknown within the bounds
    /// shifted (k − x within the bounds mirrored), naming the same; a bound past the range of numbers is dropped. Any
    /// other arithmetic with an unknown is unknown without bounds.
    /// </summary>
    private static Val Shifted(Val a, Val b, bool subtract)
    {
        var missing = Merge(a, b);
        if ((a.Kind == ValKind.Number && !Diagnostics.Limits.InRange(a.Number)) || (b.Kind == ValKind.Number && !Diagnostics.Limits.InRange(b.Number)))
        {
            return Val.Unknown(missing);
        }

        if (a.IsBounded && b.Kind == ValKind.Number)
        {
            var k = subtract ? -b.Number : b.Number;
            return Val.Unknown(missing, InRange(a.Lower + k), InRange(a.Upper + k));
        }

        if (b.IsBounded && a.Kind == ValKind.Number)
        {
            return subtract
                ? Val.Unknown(missing, InRange(a.Number - b.Upper), InRange(a.Number - b.Lower))
                : Val.Unknown(missing, InRange(a.Number + b.Lower), InRange(a.Number + b.Upper));
        }

        return Val.Unknown(missing);

        static decimal? InRange(decimal? n) => n is { } x && Diagnostics.Limits.InRange(x) ? x : null;
    }

    private static ValueOverflowException Overflow(Val a, Val b, bool subtract) =>
        new($"{FactValue.Format(a.Value!)} {(subtract ? '-' : '+')} {FactValue.Format(b.Value!)} is out of range");

    private static IEnumerable<object> Items(Val collection) => collection.Reference switch
    {
        ImmutableArray<string> set => set,
        ImmutableArray<Fact> facts => facts,
        _ => [],
    };

    /// <summary>Whether a set's item is one of the known values of a list.</summary>
    private static bool Wanted(object item, Val[] list)
    {
        var value = Val.Known(item);
        foreach (var w in list)
        {
            if (w.IsKnown && ValueEquals(value, w))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two known values: equal payloads of one kind (instants by their UTC ticks), or a fact and its id.</summary>
    private static bool ValueEquals(Val a, Val b)
    {
        if (a.Kind != b.Kind)
        {
            return false;
        }

        return a.Kind switch
        {
            ValKind.Number => a.Number == b.Number,
            ValKind.Bool or ValKind.Instant or ValKind.Duration or ValKind.Period => a.UtcTicks == b.UtcTicks,
            _ => (a.Reference, b.Reference) switch
            {
                (Fact x, string y) => x.Id == y,
                (string x, Fact y) => x == y.Id,
                (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
                (var x, var y) => Equals(x, y),
            },
        };
    }

    /// <summary>The unknowns of two values, those of <paramref name="a"/> first.</summary>
    private static ImmutableArray<UnknownCause> Merge(Val a, Val b) => Union(a.Missing, b.Missing);
}
