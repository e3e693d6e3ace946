using System.Collections.Immutable;
using OrdinanceRules.Conditions;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Analysis.Encoding;

/// <summary>
/// Encodes a parsed condition into the model with the evaluator's semantics (<c>Ops</c>): Kleene's strong three-valued
/// logic, absent distinct from unknown, a comparison with an absent value no, a yes/no field left out read as the
/// vocabulary's default or as unknown, definitions written out with their arguments' values. What it cannot encode yet
/// throws <see cref="NotSupportedException"/> with what it is, which the analysis reports as "not analysed: uses …".
/// </summary>
/// <remarks>
/// A finding test (<c>violated('P', a)</c>) is encoded by <paramref name="findings"/>, which is given the tested
/// provision's id and the terms of the facts named; null where no provision can be looked up. Calendar time is counted
/// in <paramref name="zone"/>, the jurisdiction's.
/// </remarks>
internal sealed class ConditionEncoder(Shape shape, DefinitionTable definitions, IReadOnlyDictionary<string, string> readings, ImmutableArray<Parameter> parameters,
    NodaTime.DateTimeZone zone, Func<string, IReadOnlyList<Term>, Term>? findings = null)
{
    private ZoneCalendar? _calendar;

    private Sat Sat => shape.Sat;

    /// <summary>Calendar time in the jurisdiction's zone, as the conditions' calendar periods and functions count it.</summary>
    public ZoneCalendar Calendar => _calendar ??= new ZoneCalendar(Sat, zone);

    /// <summary>The constants a set of conditions name, for the shape's text universe.</summary>
    public static IEnumerable<string> Constants(Expr expr) => expr switch
    {
        LiteralExpr { Kind: LiteralKind.Text, Value: string s } => [s],
        NotExpr n => Constants(n.Operand),
        BinaryExpr b => Constants(b.Left).Concat(Constants(b.Right)),
        CallExpr c => c.Arguments.SelectMany(Constants),
        IfExpr i => Constants(i.Condition).Concat(Constants(i.Then)).Concat(Constants(i.Else)),
        ListExpr l => l.Items.SelectMany(Constants),
        _ => [],
    };

    /// <summary>The provisions a condition's finding tests (<c>violated('P', a)</c>) name.</summary>
    public static IEnumerable<string> TestedProvisions(Expr expr) => expr switch
    {
        CallExpr { Name: "violated" } c when c.Arguments is [LiteralExpr { Kind: LiteralKind.Text, Value: string id }, ..] => [id],
        NotExpr n => TestedProvisions(n.Operand),
        BinaryExpr b => TestedProvisions(b.Left).Concat(TestedProvisions(b.Right)),
        CallExpr c => c.Arguments.SelectMany(TestedProvisions),
        IfExpr i => TestedProvisions(i.Condition).Concat(TestedProvisions(i.Then)).Concat(TestedProvisions(i.Else)),
        ListExpr l => l.Items.SelectMany(TestedProvisions),
        _ => [],
    };

    public Term Encode(Expr expr, IReadOnlyDictionary<string, Term> scope) => Visit(expr, scope, asStated: false);

    // ---- Kleene yes/no --------------------------------------------------------------------

    public Lit IsTrue(Term t) => t.Kind == TermKind.YesNo ? Sat.And(t.Known, t.Bool) : Lit.False;

    public Lit IsFalse(Term t) => Sat.And(IsTrue(t).Not(), t.Unknown.Not());

    /// <summary>A yes/no term: yes, unknown, or else no.</summary>
    public static Term Kleene(Lit isTrue, Lit isUnknown) => new() { Kind = TermKind.YesNo, Known = isUnknown.Not(), Unknown = isUnknown, Bool = isTrue };

    public static Term Constant(bool value) => Kleene(Lit.Of(value), Lit.False);

    public Term Not(Term a) => Kleene(Sat.And(a.Unknown.Not(), IsTrue(a).Not()), a.Unknown);

    public Term And(Term a, Term b)
    {
        var isFalse = Sat.Or(IsFalse(a), IsFalse(b));
        return Kleene(Sat.And(IsTrue(a), IsTrue(b)), Sat.And(isFalse.Not(), Sat.Or(a.Unknown, b.Unknown)));
    }

    public Term Or(Term a, Term b)
    {
        var isTrue = Sat.Or(IsTrue(a), IsTrue(b));
        return Kleene(isTrue, Sat.And(isTrue.Not(), Sat.Or(a.Unknown, b.Unknown)));
    }

    // ---- visiting ---------------------------------------------------------------------------

    private Term Visit(Expr expr, IReadOnlyDictionary<string, Term> scope, bool asStated) => expr switch
    {
        LiteralExpr l => Literal(l),
        PathExpr p => Path(p, scope, asStated),
        NotExpr n => Not(Visit(n.Operand, scope, asStated)),
        BinaryExpr b => Binary(b, scope, asStated),
        CallExpr c => Call(c, scope, asStated),
        IfExpr i => If(Visit(i.Condition, scope, asStated), Visit(i.Then, scope, asStated), Visit(i.Else, scope, asStated)),
        _ => throw new NotSupportedException($"the expression at {expr.Pos.Line}:{expr.Pos.Column}"),
    };

    private Term Literal(LiteralExpr literal) => literal.Kind switch
    {
        LiteralKind.Text => KnownNum(TermKind.Textual, shape.IndexOf((string)literal.Value!)),
        LiteralKind.Number => KnownNum(TermKind.Number, WholeNumber((decimal)literal.Value!)),
        LiteralKind.YesNo => Constant((bool)literal.Value!),
        LiteralKind.Duration => KnownNum(TermKind.Duration, Minutes((TimeSpan)literal.Value!)),
        LiteralKind.Instant => KnownNum(TermKind.Instant, Minutes((DateTimeOffset)literal.Value!)),
        LiteralKind.Period => new Term { Kind = TermKind.Period, Known = Lit.True, Unknown = Lit.False, Period = (CalendarPeriod)literal.Value! },
        _ => Term.Absent,
    };

    /// <summary>A known instant, in minutes from the shape's epoch.</summary>
    public static Term Instant(Num minutes) => new() { Kind = TermKind.Instant, Known = Lit.True, Unknown = Lit.False, Value = minutes };

    private static Term KnownNum(TermKind kind, long value) => new() { Kind = kind, Known = Lit.True, Unknown = Lit.False, Value = Num.Of(value) };

    public static long WholeNumber(decimal value) =>
        decimal.Truncate(value) == value && Math.Abs(value) <= Shape.MaxNumber ? (long)value : throw new NotSupportedException($"the number {value} (numbers are analysed as whole numbers up to {Shape.MaxNumber:N0})");

    public static long Minutes(TimeSpan value) =>
        value.Ticks % TimeSpan.TicksPerMinute == 0 ? value.Ticks / TimeSpan.TicksPerMinute : throw new NotSupportedException($"the duration {value} (durations are analysed in whole minutes)");

    public static long Minutes(DateTimeOffset value) => Minutes(value - Shape.Epoch);

    /// <summary>The instant a local day starts in a zone (its first midnight, or the first instant after a gap that skips it), in minutes from the epoch.</summary>
    public static long StartOfDay(NodaTime.DateTimeZone zone, NodaTime.LocalDate day) => Minutes(zone.AtStartOfDay(day).ToDateTimeOffset());

    private Term Path(PathExpr path, IReadOnlyDictionary<string, Term> scope, bool asStated)
    {
        var current = scope.TryGetValue(path.Variable, out var bound) ? bound : throw new NotSupportedException($"variable '{path.Variable}' outside its scope");
        foreach (var (name, _) in path.Fields)
        {
            if (current.Kind != TermKind.Fact)
            {
                throw new NotSupportedException($"field '{name}' of a value that is not a fact");
            }

            current = name == "id" ? Id(current) : Field(current, current.Type!.Fields.FirstOrDefault(f => f.Name == name) ?? throw new NotSupportedException($"field '{name}'"), asStated);
        }

        return current;
    }

    /// <summary>Selects, over the K facts of the target's type, the one the target is, and reads something of it.</summary>
    private List<(Lit Is, FactSlot Slot)> Choices(Term target)
    {
        var slots = shape.Slots(target.Type!);
        var choices = new List<(Lit, FactSlot)>();
        for (var j = (int)target.Value.Lb; j <= target.Value.Ub && j < slots.Count; j++)
        {
            choices.Add((Sat.And(target.Known, Sat.Eq(target.Value, Num.Of(j))), slots[j]));
        }

        return choices;
    }

    private Num Select(List<(Lit Is, FactSlot Slot)> choices, Func<FactSlot, Num> value, long lb, long ub)
    {
        if (choices.Count == 1)
        {
            return value(choices[0].Slot);
        }

        var result = Sat.NewInt(lb, ub, "select");
        foreach (var (@is, slot) in choices)
        {
            if (!@is.IsFalse)
            {
                var v = value(slot);
                if (@is.IsTrue)
                {
                    Sat.Model.Add(result.Expr == v.Expr);
                }
                else
                {
                    Sat.Model.Add(result.Expr == v.Expr).OnlyEnforceIf(@is.Literal!);
                }
            }
        }

        return result;
    }

    private Lit SelectLit(List<(Lit Is, FactSlot Slot)> choices, Func<FactSlot, Lit> value) =>
        Sat.Or([.. choices.Select(c => Sat.And(c.Is, value(c.Slot)))]);

    private Term Id(Term target)
    {
        var choices = Choices(target);
        return new Term { Kind = TermKind.Textual, Known = target.Known, Unknown = target.Unknown, Value = Select(choices, s => s.Id, 0, shape.Universe.Count) };
    }

    private Term Field(Term target, FieldDefinition field, bool asStated)
    {
        var choices = Choices(target);
        FieldSlot Of(FactSlot slot) => shape.Field(slot, field);

        // A field read as a condition reads it: left out (the slot's absent state), it is the vocabulary's default (none
        // stays absent), or unknown. Read as stated (== none, known(), absent()), it is the slot itself.
        var fallback = asStated || field.Default is { IsNone: true } ? null : field.Default;
        var readDefault = !asStated && field.Default is not { IsNone: true };
        Lit KnownOf(FactSlot s) => !readDefault || fallback is null ? Of(s).Known : Of(s).Unknown.Not();
        Lit UnknownOf(FactSlot s) => !readDefault ? Of(s).Unknown : fallback is null ? Of(s).Known.Not() : Of(s).Unknown;
        Lit BoolOf(FactSlot s) => fallback?.Value is bool b ? Sat.Ite(Of(s).Known, Of(s).Bool, Lit.Of(b)) : Of(s).Bool;
        Num ValueOf(FactSlot s) => fallback?.Value is string text ? Sat.Ite(Of(s).Known, Of(s).Value, Num.Of(shape.IndexOf(text))) : Of(s).Value;

        var known = SelectLit(choices, KnownOf);
        var unknown = Sat.Or(target.Unknown, SelectLit(choices, UnknownOf));
        switch (field.Type.Kind)
        {
            case FieldKind.YesNo:
                return new Term { Kind = TermKind.YesNo, Known = known, Unknown = unknown, Bool = SelectLit(choices, BoolOf) };
            case FieldKind.EnumerationSet:
                return new Term
                {
                    Kind = TermKind.Set,
                    Known = known,
                    Unknown = unknown,
                    SetValues = field.Type.Values,
                    Members = [.. field.Type.Values.Select((_, i) => SelectLit(choices, s => Of(s).Members[i]))],
                };
            case FieldKind.ReferenceSet:
                return new Term
                {
                    Kind = TermKind.Set,
                    Type = shape.Vocabulary.TryGetType(field.Type.ReferencedType!, out var members) ? members : throw new NotSupportedException($"a set of references to '{field.Type.ReferencedType}'"),
                    Known = known,
                    Unknown = unknown,
                    Members = [.. Enumerable.Range(0, shape.FactsPerType).Select(k => SelectLit(choices, s => Of(s).Members[k]))],
                };
            case FieldKind.Reference:
                var type = shape.Vocabulary.TryGetType(field.Type.ReferencedType!, out var t) ? t : throw new NotSupportedException($"reference to '{field.Type.ReferencedType}'");
                return new Term { Kind = TermKind.Fact, Type = type, Known = known, Unknown = unknown, Value = Select(choices, s => Of(s).Value, 0, shape.FactsPerType - 1) };
            default:
                var kind = field.Type.Kind switch
                {
                    FieldKind.Text or FieldKind.Enumeration => TermKind.Textual,
                    FieldKind.Number => TermKind.Number,
                    FieldKind.Instant => TermKind.Instant,
                    FieldKind.Duration => TermKind.Duration,
                    _ => throw new NotSupportedException($"fields of kind {field.Type.Kind}"),
                };
                var (lb, ub) = kind switch
                {
                    TermKind.Textual => (0L, (long)shape.Universe.Count),
                    TermKind.Number => (-Shape.MaxNumber, Shape.MaxNumber),
                    _ => (0L, Shape.MaxMinutes),
                };
                return new Term { Kind = kind, Known = known, Unknown = unknown, Value = Select(choices, ValueOf, lb, ub) };
        }
    }

    // ---- operators --------------------------------------------------------------------------

    private Term Binary(BinaryExpr binary, IReadOnlyDictionary<string, Term> scope, bool asStated)
    {
        if (binary.Op is BinaryOp.Eq or BinaryOp.Ne && (IsNone(binary.Left) || IsNone(binary.Right)))
        {
            var operand = Visit(IsNone(binary.Left) ? binary.Right : binary.Left, scope, asStated: true);
            var absent = IsAbsent(operand);
            return Kleene(binary.Op == BinaryOp.Eq ? absent : absent.Not(), Lit.False);
        }

        if (binary.Op == BinaryOp.In && binary.Right is ListExpr list)
        {
            return InList(Visit(binary.Left, scope, asStated), [.. list.Items.Select(i => Visit(i, scope, asStated))]);
        }

        var l = Visit(binary.Left, scope, asStated);
        var r = Visit(binary.Right, scope, asStated);
        return binary.Op switch
        {
            BinaryOp.And => And(l, r),
            BinaryOp.Or => Or(l, r),
            BinaryOp.Eq => Eq(l, r),
            BinaryOp.Ne => Ne(l, r),
            BinaryOp.Lt => Compare(l, r, 0),
            BinaryOp.Le => Compare(l, r, 1),
            BinaryOp.Gt => Compare(l, r, 2),
            BinaryOp.Ge => Compare(l, r, 3),
            BinaryOp.In => In(l, r),
            BinaryOp.Add => Arithmetic(l, r, subtract: false),
            _ => Arithmetic(l, r, subtract: true),
        };
    }

    private static bool IsNone(Expr expr) => expr is LiteralExpr { Kind: LiteralKind.None };

    private Lit IsAbsent(Term t) => Sat.And(t.Known.Not(), t.Unknown.Not());

    private Lit AnyUnknown(Term a, Term b) => Sat.Or(a.Unknown, b.Unknown);

    /// <summary>Whether two known values are equal, as <c>Ops.ValueEquals</c> (a fact equals its id).</summary>
    private Lit SameValue(Term a, Term b)
    {
        if (a.Kind == TermKind.None || b.Kind == TermKind.None)
        {
            return Lit.False;
        }

        if (a.Kind == TermKind.YesNo && b.Kind == TermKind.YesNo)
        {
            return Sat.Or(Sat.And(a.Bool, b.Bool), Sat.And(a.Bool.Not(), b.Bool.Not()));
        }

        if (a.Kind == TermKind.Fact && b.Kind == TermKind.Fact)
        {
            return a.Type!.Name == b.Type!.Name ? Sat.Eq(a.Value, b.Value) : Lit.False;
        }

        if (a.Kind == TermKind.Fact || b.Kind == TermKind.Fact)
        {
            return Sat.Eq(TextOf(a), TextOf(b));
        }

        if (a.Kind == TermKind.Set || b.Kind == TermKind.Set)
        {
            throw new NotSupportedException("comparing sets");
        }

        if (a.Kind == TermKind.Period || b.Kind == TermKind.Period)
        {
            throw new NotSupportedException("comparing calendar periods");
        }

        return Sat.Eq(a.Value, b.Value);
    }

    private Num TextOf(Term t) => t.Kind == TermKind.Fact ? Id(t).Value : t.Value;

    private Term Eq(Term a, Term b)
    {
        var unknown = AnyUnknown(a, b);
        return Bounded(a, b, Equal, Sat.And(unknown.Not(), a.Known, b.Known, SameValue(a, b)), unknown);
    }

    private Term Ne(Term a, Term b)
    {
        var eq = Eq(a, b);
        return Kleene(Sat.And(eq.Unknown.Not(), eq.Bool.Not()), eq.Unknown);
    }

    /// <summary>
    /// a &lt; b (0), a &lt;= b (1), a &gt; b (2), a &gt;= b (3), as <c>Ops.Compare</c>: no if either is absent; unknown if
    /// either is, except an unknown number within bounds against a known number where the bounds decide (<see cref="Bounded"/>).
    /// </summary>
    public Term Compare(Term a, Term b, int op)
    {
        var unknown = AnyUnknown(a, b);
        var holds = op switch
        {
            0 => Sat.Less(a.Value, b.Value, strict: true),
            1 => Sat.Less(a.Value, b.Value, strict: false),
            2 => Sat.Less(b.Value, a.Value, strict: true),
            _ => Sat.Less(b.Value, a.Value, strict: false),
        };
        return Bounded(a, b, op, Sat.And(unknown.Not(), a.Known, b.Known, holds), unknown);
    }

    /// <summary>The operator <see cref="Bounded"/> reads as <c>==</c>, as <c>Ops</c> does; 0 to 3 are those of <see cref="Compare"/>.</summary>
    private const int Equal = 4;

    /// <summary>
    /// A comparison whose answer on known sides is <paramref name="isTrue"/> and which is otherwise unknown where
    /// <paramref name="unknown"/>, as <c>Ops.Undecided</c> weighs an unknown side: an unknown number within bounds against
    /// a known number is yes where every number within the bounds gives yes, no where every one gives no; two bounded
    /// sides, or any other unknown, stay unknown.
    /// </summary>
    private Term Bounded(Term a, Term b, int op, Lit isTrue, Lit unknown)
    {
        var left = Sat.And(a.Bounded, KnownNumber(b));
        var right = Sat.And(b.Bounded, KnownNumber(a));
        if (left.IsFalse && right.IsFalse)
        {
            return Kleene(isTrue, unknown);
        }

        // k op x is x op' k with the order reversed: k < x is x > k.
        var (leftYes, leftNo) = left.IsFalse ? (Lit.False, Lit.False) : Within(a, op, b.Value);
        var (rightYes, rightNo) = right.IsFalse ? (Lit.False, Lit.False) : Within(b, op switch { 0 => 2, 1 => 3, 2 => 0, 3 => 1, _ => op }, a.Value);
        var yes = Sat.Or(Sat.And(left, leftYes), Sat.And(right, rightYes));
        var no = Sat.Or(Sat.And(left, leftNo), Sat.And(right, rightNo));
        return Kleene(Sat.Or(isTrue, yes), Sat.And(unknown, yes.Not(), no.Not()));
    }

    private static Lit KnownNumber(Term t) => t.Kind == TermKind.Number ? t.Known : Lit.False;

    /// <summary>Whether x op k holds for every x within the term's bounds, and whether it fails for every one, as <c>Ops.Within</c>.</summary>
    private (Lit Yes, Lit No) Within(Term x, int op, Num k) => op switch
    {
        0 => (Sat.Less(x.Upper, k, strict: true), Sat.Less(k, x.Lower, strict: false)),
        1 => (Sat.Less(x.Upper, k, strict: false), Sat.Less(k, x.Lower, strict: true)),
        2 => (Sat.Less(k, x.Lower, strict: true), Sat.Less(x.Upper, k, strict: false)),
        3 => (Sat.Less(k, x.Lower, strict: false), Sat.Less(x.Upper, k, strict: true)),
        _ => (Sat.And(Sat.Eq(x.Lower, k), Sat.Eq(x.Upper, k)), Sat.Or(Sat.Less(k, x.Lower, strict: true), Sat.Less(x.Upper, k, strict: true))),
    };

    private Lit Member(Term set, Term item)
    {
        if (set.Type is { } type)
        {
            // A set of references: one of the facts it lists is the item (a fact of that type, or its id).
            var slots = shape.Slots(type);
            return Sat.Or([.. set.Members.Select((m, k) => Sat.And(m, item.Kind == TermKind.Fact
                ? (item.Type!.Name == type.Name ? Sat.Eq(item.Value, Num.Of(k)) : Lit.False)
                : Sat.Eq(item.Value, slots[k].Id)))]);
        }

        return Sat.Or([.. set.SetValues.Select((v, i) => shape.Contains(v) ? Sat.And(set.Members[i], Sat.Eq(TextOf(item), Num.Of(shape.IndexOf(v)))) : Lit.False)]);
    }

    private Term In(Term item, Term set)
    {
        if (set.Kind != TermKind.Set)
        {
            throw new NotSupportedException("'in' over a value that is not a set");
        }

        var unknown = AnyUnknown(item, set);
        return Kleene(Sat.And(unknown.Not(), item.Known, set.Known, Member(set, item)), unknown);
    }

    private Term InList(Term item, ImmutableArray<Term> list)
    {
        var match = Sat.Or([.. list.Select(c => Sat.And(c.Known, SameValue(item, c)))]);
        var anyUnknown = Sat.Or([.. list.Select(c => c.Unknown)]);
        return Kleene(Sat.And(item.Known, match), Sat.Or(item.Unknown, Sat.And(item.Known, match.Not(), anyUnknown)));
    }

    private Term Arithmetic(Term a, Term b, bool subtract)
    {
        if (a.Kind == TermKind.Period || b.Kind == TermKind.Period)
        {
            return CalendarArithmetic(a, b, subtract);
        }

        var kind = (a.Kind, b.Kind, subtract) switch
        {
            (TermKind.Number, TermKind.Number, _) => TermKind.Number,
            (TermKind.Duration, TermKind.Duration, _) => TermKind.Duration,
            (TermKind.Instant, TermKind.Duration, _) => TermKind.Instant,
            (TermKind.Duration, TermKind.Instant, false) => TermKind.Instant,
            (TermKind.Instant, TermKind.Instant, true) => TermKind.Duration,
            _ => throw new NotSupportedException($"arithmetic on {a.Kind} and {b.Kind}"),
        };
        var unknown = AnyUnknown(a, b);
        var value = Sat.Sum(a.Value, b.Value, subtract);
        var known = Sat.And(unknown.Not(), a.Known, b.Known);

        // As Ops.Shifted: a number within bounds plus or minus a known number is within the bounds shifted (k - x within
        // them mirrored); any other arithmetic with an unknown has no bounds. The shape's numbers stay far inside the
        // range whose bounds Ops drops.
        var left = kind == TermKind.Number ? Sat.And(a.Bounded, b.Known) : Lit.False;
        var right = kind == TermKind.Number ? Sat.And(b.Bounded, a.Known) : Lit.False;
        if (left.IsFalse && right.IsFalse)
        {
            return new Term { Kind = kind, Known = known, Unknown = unknown, Value = value };
        }

        var (lower, upper) = right.IsFalse ? FromLeft() : left.IsFalse ? FromRight() : Either();
        return new Term { Kind = kind, Known = known, Unknown = unknown, Value = value, Bounded = Sat.Or(left, right), Lower = lower, Upper = upper };

        (Num, Num) FromLeft() => (Sat.Sum(a.Lower, b.Value, subtract), Sat.Sum(a.Upper, b.Value, subtract));

        (Num, Num) FromRight() => subtract
            ? (Sat.Sum(a.Value, b.Upper, subtract: true), Sat.Sum(a.Value, b.Lower, subtract: true))
            : (Sat.Sum(a.Value, b.Lower, subtract: false), Sat.Sum(a.Value, b.Upper, subtract: false));

        (Num, Num) Either()
        {
            var (fromLeft, fromRight) = (FromLeft(), FromRight());
            return (Sat.Ite(left, fromLeft.Item1, fromRight.Item1), Sat.Ite(left, fromLeft.Item2, fromRight.Item2));
        }
    }

    /// <summary>A yes/no value chosen by a fact of the model, not of the scenario: <paramref name="then"/> where <paramref name="test"/> holds, else <paramref name="otherwise"/>.</summary>
    public Term Choose(Lit test, Term then, Term otherwise) =>
        test.IsTrue ? then : test.IsFalse ? otherwise
            : Kleene(Sat.Ite(test, IsTrue(then), IsTrue(otherwise)), Sat.Ite(test, then.Unknown, otherwise.Unknown));

    /// <summary>As <c>Ops.AddCalendar</c>: instant ± period and period + instant in the jurisdiction's zone, period ± period; unknown if either is, absent if either is absent.</summary>
    private Term CalendarArithmetic(Term a, Term b, bool subtract)
    {
        var unknown = AnyUnknown(a, b);
        var known = Sat.And(unknown.Not(), a.Known, b.Known);
        switch (a.Kind, b.Kind)
        {
            case (TermKind.Period, TermKind.Period):
                return new Term { Kind = TermKind.Period, Known = known, Unknown = unknown, Period = subtract ? a.Period + -b.Period : a.Period + b.Period };
            case (TermKind.Instant, TermKind.Period):
            case (TermKind.Period, TermKind.Instant) when !subtract:
                var (t, p) = a.Kind == TermKind.Instant ? (a, subtract ? -b.Period : b.Period) : (b, a.Period);
                return new Term { Kind = TermKind.Instant, Known = known, Unknown = unknown, Value = Calendar.Add(t.Value, p) };
            default:
                throw new NotSupportedException($"calendar arithmetic on {a.Kind} and {b.Kind}");
        }
    }

    /// <summary>As <c>Ops.Boundary</c>: the start or end of the instant's day, month, quarter or year; unknown or absent as the instant is.</summary>
    private Term Boundary(Term t, CalendarUnit unit, bool end) =>
        t.Kind == TermKind.Instant
            ? new Term { Kind = TermKind.Instant, Known = t.Known, Unknown = t.Unknown, Value = Calendar.Boundary(t.Value, unit, end) }
            : throw new NotSupportedException($"a calendar function of {t.Kind}");

    /// <summary>As <c>Ops.If</c>: with an unknown test, known only when both branches are known and agree.</summary>
    public Term If(Term test, Term then, Term otherwise)
    {
        var (t, f, u) = (IsTrue(test), IsFalse(test), test.Unknown);
        var kind = then.Kind == TermKind.None ? otherwise.Kind : then.Kind;
        if (kind == TermKind.Period)
        {
            // Periods are constants: an if over two is encoded only when its test is settled, or both are the same.
            if (t.IsTrue || f.IsTrue || (then.Kind == TermKind.Period && otherwise.Kind == TermKind.Period && then.Period == otherwise.Period))
            {
                return f.IsTrue ? otherwise : then;
            }

            throw new NotSupportedException("if-then-else over calendar periods whose test the model decides");
        }

        if (kind == TermKind.Set || (then.Kind != otherwise.Kind && then.Kind != TermKind.None && otherwise.Kind != TermKind.None))
        {
            throw new NotSupportedException("if-then-else over sets or over values of two kinds");
        }

        var same = Sat.And(then.Known, otherwise.Known, SameValue(then, otherwise));
        var known = Sat.Or(Sat.And(t, then.Known), Sat.And(f, otherwise.Known), Sat.And(u, same));
        var unknown = Sat.Or(Sat.And(t, then.Unknown), Sat.And(f, otherwise.Unknown), Sat.And(u, same.Not()));
        // A branch taken keeps its bounds (Ops.If gives that branch's value as it is); an unknown test leaves none.
        var bounded = Sat.Or(Sat.And(t, then.Bounded), Sat.And(f, otherwise.Bounded));
        return new Term
        {
            Kind = kind,
            Known = known,
            Unknown = unknown,
            Type = then.Type ?? otherwise.Type,
            Value = Sat.Ite(t, then.Value, otherwise.Value),
            Bool = Sat.Ite(t, then.Bool, otherwise.Bool),
            Bounded = bounded,
            Lower = bounded.IsFalse ? Num.Of(0) : Sat.Ite(t, then.Lower, otherwise.Lower),
            Upper = bounded.IsFalse ? Num.Of(0) : Sat.Ite(t, then.Upper, otherwise.Upper),
        };
    }

    // ---- functions --------------------------------------------------------------------------

    private Term Call(CallExpr call, IReadOnlyDictionary<string, Term> scope, bool asStated)
    {
        switch (call.Name)
        {
            case "reading":
                {
                    var name = (string)((LiteralExpr)call.Arguments[0]).Value!;
                    return readings.TryGetValue(name, out var alternative)
                        ? KnownNum(TermKind.Textual, shape.IndexOf(alternative))
                        : throw new NotSupportedException($"reading '{name}'");
                }

            case "param":
                return Parameter((string)((LiteralExpr)call.Arguments[0]).Value!);
            case "known":
                {
                    var t = Visit(call.Arguments[0], scope, asStated: true);
                    return Kleene(t.Known, Lit.False);
                }

            case "absent":
                return Kleene(IsAbsent(Visit(call.Arguments[0], scope, asStated: true)), Lit.False);
            case "within":
                {
                    var t = Visit(call.Arguments[0], scope, asStated);
                    var start = Visit(call.Arguments[1], scope, asStated);
                    var end = Visit(call.Arguments[2], scope, asStated);
                    var beforeEnd = Compare(t, end, 1);
                    var endAbsent = IsAbsent(end);
                    return And(Compare(start, t, 1), Kleene(Sat.Or(endAbsent, IsTrue(beforeEnd)), Sat.And(endAbsent.Not(), beforeEnd.Unknown)));
                }

            case "every" or "some" or "count":
                return Quantifier(call, scope, asStated);
            case "violated":
                {
                    var id = (string)((LiteralExpr)call.Arguments[0]).Value!;
                    var facts = call.Arguments.Skip(1).Select(a => Visit(a, scope, asStated)).ToList();
                    return findings?.Invoke(id, facts) ?? throw new NotSupportedException($"a finding test ({call.Name}(), another provision's outcome) where no provision can be looked up");
                }

            case "any" or "only":
                {
                    var set = Visit(call.Arguments[0], scope, asStated);
                    var items = ((ListExpr)call.Arguments[1]).Items.Select(i => Visit(i, scope, asStated)).ToList();
                    Lit Listed(int j) => Sat.Or([.. items.Select(i => Sat.And(i.Known, Sat.Eq(TextOf(i), Num.Of(shape.IndexOf(set.SetValues[j])))))]);
                    var holds = call.Name == "any"
                        ? Sat.Or([.. set.SetValues.Select((_, j) => Sat.And(set.Members[j], Listed(j)))])
                        : Sat.And(Sat.Or([.. set.Members]), Sat.And([.. set.SetValues.Select((_, j) => Sat.Implies(set.Members[j], Listed(j)))]));
                    return Kleene(Sat.And(set.Known, holds), set.Unknown);
                }

            default:
                if (CalendarTime.Functions.TryGetValue(call.Name, out var boundary))
                {
                    return Boundary(Visit(call.Arguments[0], scope, asStated), boundary.Unit, boundary.End);
                }

                if (definitions.TryGet(call.Name, out var definition) && definition.Body is { } body)
                {
                    var arguments = new Dictionary<string, Term>(StringComparer.Ordinal);
                    for (var i = 0; i < definition.Parameters.Length; i++)
                    {
                        arguments[definition.Parameters[i].Name] = Visit(call.Arguments[i], scope, asStated);
                    }

                    return Visit(body, arguments, asStated: false);
                }

                throw new NotSupportedException($"the function {call.Name}()");
        }
    }

    /// <summary>
    /// <c>every(d in X, where, test)</c>, <c>some(d in X, where)</c>, <c>count(d in X, where)</c>, as <c>Ops.Every</c>,
    /// <c>Ops.Some</c> and <c>Ops.Count</c> weigh them: over the facts of a type (each of its K facts that exists; the world
    /// is closed, so <c>Ops.OpenWorld</c> changes nothing), or over a set of references (<c>Ops.EveryReferenced</c> and the like: each
    /// fact the set lists; an unknown set is unknown, one left out as none or stated empty has no members). The
    /// where-clause and the test are encoded once per fact, with the quantifier's variable bound to it.
    /// </summary>
    private Term Quantifier(CallExpr call, IReadOnlyDictionary<string, Term> scope, bool asStated)
    {
        var (member, domain) = call.Arguments[0] is BinaryExpr { Op: BinaryOp.In, Left: PathExpr { Fields.IsEmpty: true } m, Right: PathExpr d }
            ? (m.Variable, d)
            : throw new NotSupportedException($"the quantifier at {call.Pos.Line}:{call.Pos.Column}");
        List<Lit> members;
        FactType type;
        var setUnknown = Lit.False;
        if (!domain.Fields.IsEmpty || scope.ContainsKey(domain.Variable))
        {
            var set = Visit(domain, scope, asStated);
            if (set.Kind != TermKind.Set || set.Type is null)
            {
                throw new NotSupportedException($"{call.Name}() over a value that is not a set of references");
            }

            (type, setUnknown) = (set.Type, set.Unknown);
            members = [.. set.Members.Select(l => Sat.And(set.Known, l))];
        }
        else
        {
            type = shape.Vocabulary.TryGetType(domain.Variable, out var t) ? t : throw new NotSupportedException($"{call.Name}() over '{domain.Variable}'");
            members = [.. shape.Slots(type).Select(s => s.Exists)];
        }

        var slots = shape.Slots(type);
        var weighed = new List<(Lit Member, Term Where, Term? Test)>();
        for (var k = 0; k < slots.Count; k++)
        {
            if (members[k].IsFalse)
            {
                continue;
            }

            var inner = new Dictionary<string, Term>(scope, StringComparer.Ordinal) { [member] = FactOf(slots[k]) };
            var where = Visit(call.Arguments[1], inner, asStated);
            weighed.Add((members[k], where, call.Name == "every" ? Visit(call.Arguments[2], inner, asStated) : null));
        }

        switch (call.Name)
        {
            case "some":
                {
                    var isTrue = Sat.And(setUnknown.Not(), Sat.Or([.. weighed.Select(w => Sat.And(w.Member, IsTrue(w.Where)))]));
                    return Kleene(isTrue, Sat.Or(setUnknown, Sat.And(isTrue.Not(), Sat.Or([.. weighed.Select(w => Sat.And(w.Member, w.Where.Unknown))]))));
                }

            case "every":
                {
                    // Each member adds (not where) or test to a Kleene conjunction: a member the where-clause leaves out adds yes.
                    var items = weighed.Select(w => (w.Member, Item: Or(Not(w.Where), w.Test!))).ToList();
                    var isFalse = Sat.And(setUnknown.Not(), Sat.Or([.. items.Select(i => Sat.And(i.Member, IsFalse(i.Item)))]));
                    var unknown = Sat.Or(setUnknown, Sat.And(isFalse.Not(), Sat.Or([.. items.Select(i => Sat.And(i.Member, i.Item.Unknown))])));
                    return Kleene(Sat.And(isFalse.Not(), unknown.Not()), unknown);
                }

            default:
                {
                    // As Ops.Count: unknown when a member's where-clause is, then within the members that pass and those
                    // that may; an unknown set (Ops.CountReferenced) is unknown with no bounds.
                    var undecided = weighed.Select(w => Sat.And(w.Member, w.Where.Unknown)).ToList();
                    var anyUndecided = Sat.Or([.. undecided]);
                    var unknown = Sat.Or(setUnknown, anyUndecided);
                    var counted = weighed.Select(w => Sat.And(w.Member, IsTrue(w.Where))).ToList();
                    var value = CountOf(counted);
                    var bounded = Sat.And(setUnknown.Not(), anyUndecided);
                    return new Term
                    {
                        Kind = TermKind.Number,
                        Known = unknown.Not(),
                        Unknown = unknown,
                        Value = value,
                        Bounded = bounded,
                        Lower = value,
                        Upper = bounded.IsFalse ? value : CountOf([.. counted, .. undecided]),
                    };
                }
        }
    }

    /// <summary>How many of the literals hold.</summary>
    private static Num CountOf(List<Lit> items)
    {
        var open = items.Where(l => !l.IsFalse).ToList();
        return open.All(l => l.IsTrue)
            ? Num.Of(open.Count)
            : new Num(Google.OrTools.Sat.LinearExpr.Sum(open.Select(l => l.AsExpr())), open.Count(l => l.IsTrue), open.Count, null);
    }

    /// <summary>A fact of the shape as a term.</summary>
    public static Term FactOf(FactSlot slot) => new() { Kind = TermKind.Fact, Type = slot.Type, Known = Lit.True, Unknown = Lit.False, Value = Num.Of(slot.Index) };

    private Term Parameter(string name)
    {
        var parameter = parameters.FirstOrDefault(p => p.Name == name) ?? throw new NotSupportedException($"parameter '{name}'");
        var value = parameter.Effective;
        return parameter.Kind switch
        {
            ParameterKind.YesNo => Constant((bool)value),
            ParameterKind.Number => KnownNum(TermKind.Number, WholeNumber(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture))),
            ParameterKind.Duration => KnownNum(TermKind.Duration, Minutes((TimeSpan)value)),
            ParameterKind.Text or ParameterKind.Choice => KnownNum(TermKind.Textual, shape.IndexOf((string)value)),
            _ => SetOf((ImmutableArray<string>)value),
        };
    }

    private static Term SetOf(ImmutableArray<string> values) =>
        new() { Kind = TermKind.Set, Known = Lit.True, Unknown = Lit.False, SetValues = values, Members = [.. values.Select(_ => Lit.True)] };

    /// <summary>The texts the ordinance's parameters and readings hold, for the shape's universe.</summary>
    public static IEnumerable<string> Constants(Ordinance ordinance) =>
        ordinance.Readings.SelectMany(r => r.Alternatives.Select(a => a.Name))
            .Concat(ordinance.Parameters.SelectMany(p => p.Effective switch
            {
                string s => [s],
                ImmutableArray<string> set => set,
                _ => (IEnumerable<string>)[],
            }))
            .Concat(ordinance.Vocabulary.Types.SelectMany(t => t.Fields.SelectMany(f => f.Type.Values)));
}
