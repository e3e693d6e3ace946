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

        var fact = (Fact)target.Value!;
        if (fact.Type.Name != type)
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
        if (!target.IsKnown || target.Value is not Fact fact || fact.Type.Name != type || !fact.Omits(index))
        {
            return Field(target, type, index, field);
        }

        return !hasDefault ? Val.Unknown(UnknownName(fact, field)) : whenOmitted is null ? Val.Absent : Val.Known(whenOmitted);
    }

    public static Val Reading(EvaluationContext context, int index) => Val.Known(context.Readings[index]);

    public static Val AsOf(EvaluationContext context) => Val.Known(context.AsOf);

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

        if (then.IsKnown && otherwise.IsKnown && ValueEquals(then.Value!, otherwise.Value!))
        {
            return then;
        }

        var missing = ImmutableArray<string>.Empty;
        foreach (var part in new[] { test, then, otherwise })
        {
            if (part.IsUnknown)
            {
                missing = missing.AddRange(part.Missing.Where(m => !missing.Contains(m)));
            }
        }

        return Val.Unknown(missing);
    }

    /// <summary>How an unknown field is named in findings, such as <c>threat t-1: specificity</c>; what-if reads it back.</summary>
    public static string UnknownName(Fact fact, string field) => $"{fact.Type.Name} {fact.Id}: {field}";

    public static Val Id(Val target) => target.IsKnown ? Val.Known(((Fact)target.Value!).Id) : target;

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
    /// <c>every</c> and a yes of <c>some</c> stand, since no further fact can change them; <c>count</c> becomes unknown.
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
            _ => Val.Unknown(Merge(value, further)),
        };
    }

    /// <summary>
    /// A quantifier over a set of references (<c>some(d in a.basedOn, ...)</c>): <see cref="Every"/>, <see cref="Some"/> or
    /// <see cref="Count"/> over the facts the set refers to. A set stated <c>none</c> is empty; an unknown set makes the
    /// answer unknown, naming the set.
    /// </summary>
    public static Val OverReferences(Val set, string quantifier, Func<Fact, Val> where, Func<Fact, Val> test)
    {
        if (set.IsUnknown)
        {
            return set;
        }

        var members = set.Value is ImmutableArray<Fact> facts ? facts : [];
        return quantifier switch
        {
            "every" => Every(members, where, test),
            "some" => Some(members, where),
            _ => Count(members, where),
        };
    }

    /// <summary>How many members pass the where-clause; unknown, naming what is missing, when whether one does is unknown.</summary>
    public static Val Count(IEnumerable<Fact> members, Func<Fact, Val> where)
    {
        var count = 0m;
        var missing = ImmutableArray<string>.Empty;
        foreach (var member in members)
        {
            var selected = where(member);
            if (IsTrue(selected))
            {
                count++;
            }
            else if (selected.IsUnknown)
            {
                missing = missing.AddRange(selected.Missing.Where(m => !missing.Contains(m)));
            }
        }

        return missing.IsEmpty ? Val.Known(count) : Val.Unknown(missing);
    }

    public static Val Not(Val a) => a.IsKnown ? Val.Bool(!(bool)a.Value!) : a.IsUnknown ? a : Val.True;

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
            return Val.Unknown(Merge(a, b));
        }

        if (a.IsAbsent || b.IsAbsent)
        {
            return Val.False;
        }

        return Val.Bool(ValueEquals(a.Value!, b.Value!));
    }

    public static Val Ne(Val a, Val b)
    {
        var eq = Eq(a, b);
        return eq.IsKnown ? Val.Bool(!(bool)eq.Value!) : eq;
    }

    public static Val Compare(Val a, Val b, int op)
    {
        if (a.IsUnknown || b.IsUnknown)
        {
            return Val.Unknown(Merge(a, b));
        }

        if (a.IsAbsent || b.IsAbsent)
        {
            return Val.False;
        }

        var c = a.Value switch
        {
            decimal x => x.CompareTo((decimal)b.Value!),
            DateTimeOffset x => x.UtcTicks.CompareTo(((DateTimeOffset)b.Value!).UtcTicks),
            TimeSpan x => x.CompareTo((TimeSpan)b.Value!),
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

        return Val.Bool(Items(collection).Any(v => ValueEquals(item.Value!, v)));
    }

    public static Val InList(Val item, Val[] list)
    {
        if (item.IsUnknown)
        {
            return item;
        }

        if (item.IsAbsent)
        {
            return Val.False;
        }

        var unknowns = ImmutableArray<string>.Empty;
        foreach (var candidate in list)
        {
            if (candidate.IsUnknown)
            {
                unknowns = unknowns.AddRange(candidate.Missing);
            }
            else if (candidate.IsKnown && ValueEquals(item.Value!, candidate.Value!))
            {
                return Val.True;
            }
        }

        return unknowns.IsEmpty ? Val.False : Val.Unknown(unknowns);
    }

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
            var result = (a.Value, b.Value) switch
            {
                (DateTimeOffset t, CalendarPeriod p) => (object)CalendarTime.Add(t, subtract ? -p : p, zone),
                (CalendarPeriod p, DateTimeOffset t) => CalendarTime.Add(t, p, zone),
                (CalendarPeriod x, CalendarPeriod y) => subtract ? x + -y : x + y,
                _ => throw new InvalidOperationException("The type checker let through calendar arithmetic on the wrong types."),
            };
            return result switch
            {
                DateTimeOffset t when !Diagnostics.Limits.InRange(t) => throw Overflow(a, b, subtract),
                CalendarPeriod p when !p.InRange => throw Overflow(a, b, subtract),
                _ => Val.Known(result),
            };
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
            var result = CalendarTime.Boundary((DateTimeOffset)t.Value!, unit, end, zone);
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

        var wanted = list.Where(v => v.IsKnown).Select(v => v.Value!).ToList();
        return Val.Bool(Items(set).Any(v => wanted.Any(w => ValueEquals(v, w))));
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

        var items = Items(set).ToList();
        var wanted = list.Where(v => v.IsKnown).Select(v => v.Value!).ToList();
        return Val.Bool(items.Count > 0 && items.All(v => wanted.Any(w => ValueEquals(v, w))));
    }

    public static bool IsTrue(Val a) => a.IsKnown && a.Value is true;

    public static bool IsFalse(Val a) => a.IsAbsent || (a.IsKnown && a.Value is false);

    public static bool IsUnknown(Val a) => a.IsUnknown;

    public static bool IsNotFalse(Val a) => !IsFalse(a);

    /// <summary>A value that must be stated: absent becomes unknown, naming what is missing.</summary>
    public static Val Stated(Val a, string what) => a.IsAbsent ? Val.Unknown(what) : a;

    /// <summary>The instant a value holds, or null when it is absent or unknown.</summary>
    public static DateTimeOffset? InstantOrNull(Val a) => a.IsKnown ? (DateTimeOffset)a.Value! : null;

    private static Val Arithmetic(Val a, Val b, bool subtract)
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
            return InRange((a.Value, b.Value) switch
            {
                (decimal x, decimal y) => Val.Known(subtract ? x - y : x + y),
                (DateTimeOffset x, TimeSpan y) => Val.Known(subtract ? x - y : x + y),
                (DateTimeOffset x, DateTimeOffset y) => Val.Known(x - y),
                (TimeSpan x, TimeSpan y) => Val.Known(subtract ? x - y : x + y),
                (TimeSpan x, DateTimeOffset y) => Val.Known(y + x),
                _ => throw new InvalidOperationException("The type checker let through arithmetic on the wrong types."),
            });
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            throw Overflow(a, b, subtract);
        }

        Val InRange(Val result) => result.Value switch
        {
            decimal n when !Diagnostics.Limits.InRange(n) => throw Overflow(a, b, subtract),
            DateTimeOffset t when !Diagnostics.Limits.InRange(t) => throw Overflow(a, b, subtract),
            _ => result,
        };
    }

    private static ValueOverflowException Overflow(Val a, Val b, bool subtract) =>
        new($"{FactValue.Format(a.Value!)} {(subtract ? '-' : '+')} {FactValue.Format(b.Value!)} is out of range");

    private static IEnumerable<object> Items(Val collection) => collection.Value switch
    {
        ImmutableArray<string> set => set,
        ImmutableArray<Fact> facts => facts,
        _ => [],
    };

    private static bool ValueEquals(object a, object b) => (a, b) switch
    {
        (DateTimeOffset x, DateTimeOffset y) => x.UtcTicks == y.UtcTicks,
        (Fact x, string y) => x.Id == y,
        (string x, Fact y) => x == y.Id,
        _ => a.Equals(b),
    };

    private static ImmutableArray<string> Merge(Val a, Val b)
    {
        var merged = ImmutableArray<string>.Empty;
        if (a.IsUnknown)
        {
            merged = merged.AddRange(a.Missing);
        }

        if (b.IsUnknown)
        {
            merged = merged.AddRange(b.Missing.Where(m => !merged.Contains(m)));
        }

        return merged;
    }
}
