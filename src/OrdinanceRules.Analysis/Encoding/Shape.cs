using System.Collections.Immutable;
using Google.OrTools.Util;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Analysis.Encoding;

/// <summary>What a term of a condition is: the kinds of value the condition language has.</summary>
internal enum TermKind
{
    YesNo,
    Textual,
    Number,
    Instant,
    Duration,
    Fact,
    Set,
    Period,
    None,
}

/// <summary>
/// A value of a condition in the model, as the evaluator's <c>Val</c> is at run time: absent (neither literal holds),
/// unknown, or known with a value. A yes/no value is in <see cref="Bool"/>; text, enumeration values and ids are indices
/// into the shape's text universe; instants and durations are minutes; a fact is the index of one of the K facts of its type.
/// </summary>
internal sealed class Term
{
    public required TermKind Kind { get; init; }

    public required Lit Known { get; init; }

    public required Lit Unknown { get; init; }

    public Num Value { get; init; } = Num.Of(0);

    public Lit Bool { get; init; } = Lit.False;

    /// <summary>
    /// For an instant: it is one tick before <see cref="Value"/>, as a deadline counted in business days ends (a tick
    /// before the next day starts); compared with whole minutes, it is at or before a minute exactly when that minute is before <see cref="Value"/>.
    /// </summary>
    public Lit JustBefore { get; init; } = Lit.False;

    public FactType? Type { get; init; }

    /// <summary>For a calendar period: its months and days (periods are constants of the conditions).</summary>
    public Conditions.CalendarPeriod Period { get; init; }

    /// <summary>
    /// For an unknown number: whether it is known to lie within <see cref="Lower"/> and <see cref="Upper"/>, as the
    /// evaluator's bounds of a <c>count</c> are (<c>Val.Lower</c>, <c>Val.Upper</c>); the bounds are read only then.
    /// </summary>
    public Lit Bounded { get; init; } = Lit.False;

    public Num Lower { get; init; } = Num.Of(0);

    public Num Upper { get; init; } = Num.Of(0);

    /// <summary>
    /// For a set of values: its possible values, and whether each is in it. For a set of references (<see cref="Type"/>
    /// the referenced type, <see cref="SetValues"/> empty): whether each of the K facts of that type is in it.
    /// </summary>
    public ImmutableArray<string> SetValues { get; init; } = [];

    public ImmutableArray<Lit> Members { get; init; } = [];

    public static Term Absent { get; } = new() { Kind = TermKind.None, Known = Lit.False, Unknown = Lit.False };
}

/// <summary>One field of one fact of the shape: stated or not, unknown or not, and its value.</summary>
internal sealed class FieldSlot
{
    public required FieldDefinition Definition { get; init; }

    public required Lit Known { get; init; }

    public required Lit Unknown { get; init; }

    public Num Value { get; init; } = Num.Of(0);

    public Lit Bool { get; init; } = Lit.False;

    public ImmutableArray<Lit> Members { get; init; } = [];
}

/// <summary>One of the K facts of a type: whether it exists, its id, and the fields the conditions read (made when first read).</summary>
internal sealed class FactSlot(FactType type, int index, Lit exists, Num id)
{
    public FactType Type { get; } = type;

    public int Index { get; } = index;

    public Lit Exists { get; } = exists;

    public Num Id { get; } = id;

    public Dictionary<string, FieldSlot> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>For a recurring duty's period: its index in the calendar of its type (<see cref="PeriodCalendar"/>); null for any other fact.</summary>
    public Num? Period { get; init; }
}

/// <summary>
/// The bounded scenario shape: up to K facts per type, made when a condition first reaches the type, each field a
/// small variable with explicit unknown and absent states. Text is drawn from a finite universe: every text the
/// ordinance's conditions, vocabulary, readings and parameters name, plus a few texts none of them name.
/// </summary>
internal sealed class Shape
{
    /// <summary>Instants are minutes from this epoch, within <see cref="MaxMinutes"/>.</summary>
    public static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const long MaxMinutes = 40L * 366 * 24 * 60;

    public const long MaxNumber = 1_000_000;

    /// <summary>How many texts no condition names the universe holds for text fields.</summary>
    private const int OtherTexts = 2;

    private readonly Dictionary<string, List<FactSlot>> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PeriodCalendar> _periods = new(StringComparer.Ordinal);
    private readonly List<string> _universe = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<int> _textDomain = [];
    private readonly List<int> _idConstants = [];
    private readonly int _firstOwnId;

    public Shape(Sat sat, FactVocabulary vocabulary, int factsPerType, IEnumerable<string> constants)
    {
        Sat = sat;
        Vocabulary = vocabulary;
        FactsPerType = factsPerType;
        foreach (var constant in constants)
        {
            Intern(constant);
        }

        _textDomain.AddRange(Enumerable.Range(0, _universe.Count));
        _idConstants.AddRange(_textDomain.Where(i => Identifiers.IsValidId(_universe[i])));
        for (var i = 0; i < OtherTexts; i++)
        {
            _textDomain.Add(Intern(Fresh($"other-text-{i + 1}")));
        }

        _firstOwnId = _universe.Count;
    }

    public Sat Sat { get; }

    public FactVocabulary Vocabulary { get; }

    public int FactsPerType { get; }

    public IReadOnlyList<string> Universe => _universe;

    /// <summary>The latest as-of instant the shape holds, in minutes: a day after every instant a fact can hold.</summary>
    public const long MaxAsOf = MaxMinutes + (24 * 60);

    /// <summary>
    /// The evaluation's as-of instant, in minutes from <see cref="Epoch"/>: a variable of the model, made when a duty or a
    /// lapse first reads it (one per shape, so two provisions compared on one scenario share it); null until then.
    /// </summary>
    public Num? AsOfMinutes { get; private set; }

    /// <summary>The as-of instant as a variable of the model, made on first use.</summary>
    public Num AsOf() => AsOfMinutes ??= Sat.NewInt(0, MaxAsOf, "asOf");

    public IEnumerable<FactSlot> AllSlots => _slots.Values.SelectMany(s => s);

    /// <summary>
    /// The models of the provisions finding tests name, one per provision and combination of its facts (named by the
    /// facts' types and indices), shared by every model over this shape.
    /// </summary>
    public Dictionary<(OrdinanceRules.Compilation.ProvisionNode Provision, string Facts), ProvisionModel> Findings { get; } = [];

    public int IndexOf(string text) => _index.TryGetValue(text, out var i) ? i : throw new NotSupportedException($"text '{text}' outside the universe");

    public bool Contains(string text) => _index.ContainsKey(text);

    /// <summary>The K facts of a type, made on first use; ids are distinct across the whole shape.</summary>
    public IReadOnlyList<FactSlot> Slots(FactType type)
    {
        if (_slots.TryGetValue(type.Name, out var existing))
        {
            return existing;
        }

        var slots = type.Generated ? PeriodSlots(type) : [];
        for (var j = slots.Count; j < FactsPerType; j++)
        {
            var own = Intern(Fresh($"{type.Name}-{j + 1}"));
            var id = NewFromValues([.. _idConstants, own], $"{type.Name}{j}.id");
            slots.Add(new FactSlot(type, j, Sat.NewBool($"{type.Name}{j}.exists"), id));
        }

        _slots[type.Name] = slots;
        var ids = AllSlots.Select(s => s.Id).ToList();
        if (ids.Count > 1)
        {
            Sat.Model.AddAllDifferent(ids.Select(i => i.Expr));
        }

        return slots;
    }

    /// <summary>
    /// The calendar a recurring duty's periods are drawn from, made the one of its type name (<c>quarter</c>) in this
    /// shape; its labels must be among the shape's texts (<see cref="PeriodCalendar.Labels"/>, which
    /// <see cref="ProvisionModel.Constants"/> names).
    /// </summary>
    public PeriodCalendar UsePeriods(FactType type, PeriodCalendar calendar)
    {
        if (_periods.TryGetValue(type.Name, out var existing))
        {
            return existing.Zone.Id == calendar.Zone.Id
                ? existing
                : throw new NotSupportedException($"periods ({type.Name}) counted in two time zones ({existing.Zone.Id}, {calendar.Zone.Id}) in one scenario");
        }

        return _periods[type.Name] = calendar;
    }

    /// <summary>
    /// The K periods of a recurring duty's type: each an index into its calendar (<see cref="UsePeriods"/>), its
    /// <c>start</c>, <c>end</c> and <c>label</c> known wherever it exists, its id its label, and begun by the as-of
    /// instant, as the engine generates them. They are never written into a scenario: the engine generates them.
    /// </summary>
    private List<FactSlot> PeriodSlots(FactType type)
    {
        var calendar = _periods.TryGetValue(type.Name, out var found) ? found : throw new NotSupportedException($"periods ({type.Name}) of no recurring duty");
        var last = calendar.Starts.Length - 1;
        if (last < 0)
        {
            throw new NotSupportedException($"a recurring duty whose periods ({type.Name}) all lie outside the shape's instants");
        }

        var labels = calendar.Labels.Select(l => (long)IndexOf(l)).ToArray();
        var field = type.Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var slots = new List<FactSlot>();
        for (var j = 0; j < FactsPerType; j++)
        {
            var name = $"{type.Name}{j}";
            var period = Sat.NewInt(0, last, name + ".period");
            var exists = Sat.NewBool(name + ".exists");
            var slot = new FactSlot(type, j, exists, Sat.Element(period, labels, name + ".id")) { Period = period };
            // A calendar function of a boundary (q.end + 1 quarter) is then looked up by the same index (Sat.Map).
            var start = Sat.Element(period, calendar.Starts, name + ".start", mappable: true);
            slot.Fields["start"] = new FieldSlot { Definition = field["start"], Known = exists, Unknown = Lit.False, Value = start };
            slot.Fields["end"] = new FieldSlot { Definition = field["end"], Known = exists, Unknown = Lit.False, Value = Sat.Element(period, calendar.Ends, name + ".end", mappable: true) };
            slot.Fields["label"] = new FieldSlot { Definition = field["label"], Known = exists, Unknown = Lit.False, Value = slot.Id };
            Sat.Require(Sat.Implies(exists, Sat.Less(start, AsOf(), strict: false)));
            slots.Add(slot);
        }

        return slots;
    }

    /// <summary>Whether a fact's id is a text the conditions name, not one of the shape's own.</summary>
    public Lit NamedId(FactSlot slot) => Sat.Less(slot.Id, Num.Of(_firstOwnId), strict: true);

    public FieldSlot Field(FactSlot slot, FieldDefinition field)
    {
        if (slot.Fields.TryGetValue(field.Name, out var existing))
        {
            return existing;
        }

        var name = $"{slot.Type.Name}{slot.Index}.{field.Name}";
        var known = Sat.NewBool(name + ".known");
        var unknown = Sat.NewBool(name + ".unknown");
        Sat.Require(Sat.Or(known.Not(), unknown.Not()));
        Sat.Require(Sat.Implies(Sat.Or(known, unknown), slot.Exists));
        var result = field.Type.Kind switch
        {
            FieldKind.YesNo => new FieldSlot { Definition = field, Known = known, Unknown = unknown, Bool = Sat.NewBool(name) },
            FieldKind.Text => new FieldSlot { Definition = field, Known = known, Unknown = unknown, Value = NewFromValues(_textDomain, name) },
            FieldKind.Enumeration => new FieldSlot { Definition = field, Known = known, Unknown = unknown, Value = NewFromValues([.. field.Type.Values.Select(IndexOf)], name) },
            FieldKind.EnumerationSet => new FieldSlot { Definition = field, Known = known, Unknown = unknown, Members = [.. field.Type.Values.Select(v => Sat.NewBool($"{name}.{v}"))] },
            FieldKind.Number => new FieldSlot { Definition = field, Known = known, Unknown = unknown, Value = Sat.NewInt(-MaxNumber, MaxNumber, name) },
            FieldKind.Instant or FieldKind.Duration => new FieldSlot { Definition = field, Known = known, Unknown = unknown, Value = Sat.NewInt(0, MaxMinutes, name) },
            FieldKind.Reference => new FieldSlot { Definition = field, Known = known, Unknown = unknown, Value = Sat.NewInt(0, FactsPerType - 1, name) },
            FieldKind.ReferenceSet => new FieldSlot { Definition = field, Known = known, Unknown = unknown, Members = [.. Enumerable.Range(0, FactsPerType).Select(k => Sat.NewBool($"{name}.{k}"))] },
            _ => throw new NotSupportedException($"fields of kind {field.Type.Kind}"),
        };
        slot.Fields[field.Name] = result;
        if (field.Type.Kind == FieldKind.Reference && Vocabulary.TryGetType(field.Type.ReferencedType!, out var target))
        {
            ReferTo(result, Slots(target));
        }
        else if (field.Type.Kind == FieldKind.ReferenceSet)
        {
            var targets = Vocabulary.TryGetType(field.Type.ReferencedType!, out var type) ? Slots(type) : throw new NotSupportedException($"a set of references to '{field.Type.ReferencedType}'");
            for (var k = 0; k < targets.Count; k++)
            {
                // A set that is stated lists facts that exist; one left out or unknown lists none.
                Sat.Require(Sat.Implies(result.Members[k], Sat.And(known, targets[k].Exists)));
            }
        }

        return result;
    }

    /// <summary>A reference that is stated names a fact that exists.</summary>
    private void ReferTo(FieldSlot field, IReadOnlyList<FactSlot> targets)
    {
        for (var k = 0; k < targets.Count; k++)
        {
            Sat.Require(Sat.Implies(Sat.And(field.Known, Sat.Eq(field.Value, Num.Of(k))), targets[k].Exists));
        }
    }

    private Num NewFromValues(IReadOnlyList<int> values, string name)
    {
        if (values.Count == 1)
        {
            return Num.Of(values[0]);
        }

        var domain = Domain.FromValues([.. values.Select(v => (long)v)]);
        return new Num(Sat.Model.NewIntVarFromDomain(domain, name), values.Min(), values.Max(), null);
    }

    private int Intern(string text)
    {
        if (!_index.TryGetValue(text, out var i))
        {
            i = _universe.Count;
            _universe.Add(text);
            _index[text] = i;
        }

        return i;
    }

    /// <summary>A text that no condition names.</summary>
    private string Fresh(string text)
    {
        var candidate = text;
        for (var n = 2; _index.ContainsKey(candidate); n++)
        {
            candidate = $"{text}-{n}";
        }

        return candidate;
    }
}
