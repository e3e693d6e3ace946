using System.Globalization;
using System.Linq.Expressions;
using NodaTime;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The periods of a recurring duty (<see cref="Recurrence"/>): facts of a type of their own (<c>month</c>, <c>quarter</c>
/// or <c>year</c>, with <c>start</c>, <c>end</c> and <c>label</c>), generated for an evaluation from the duty's first
/// period to the as-of instant and inserted beside the scenario's facts. The provision's rules then match them as
/// they match any fact: which period is due, pending, complied with or violated is decided by NRules.
/// </summary>
/// <remarks>
/// The type is the provision's own instance (its patterns test the type by reference), so two recurring provisions
/// never match each other's periods; a vocabulary type of the same name is not matched either.
/// </remarks>
internal sealed class RecurringPeriods
{
    private readonly DateTimeZone _zone;
    private readonly LocalDate _first;
    private readonly LocalDate? _until;

    private RecurringPeriods(Provision provision, Recurrence recurrence, FactType type, LocalDate first, LocalDate? until, DateTimeZone zone)
    {
        Provision = provision;
        Recurrence = recurrence;
        Type = type;
        _first = first;
        _until = until;
        _zone = zone;
    }

    /// <summary>The provision that recurs.</summary>
    public Provision Provision { get; }

    /// <summary>How it recurs.</summary>
    public Recurrence Recurrence { get; }

    /// <summary>The periods' fact type.</summary>
    public FactType Type { get; }

    /// <summary>
    /// A pattern's test that a fact is of a variable's type: by name for the vocabulary's types (a law stack rebinds them),
    /// by the type itself for a recurring duty's periods.
    /// </summary>
    public static Expression IsOfType(ParameterExpression fact, FactType type)
    {
        var actual = Expression.Property(fact, nameof(Fact.Type));
        return type.Generated
            ? Expression.Equal(actual, Expression.Constant(type))
            : Expression.Equal(Expression.Property(actual, nameof(FactType.Name)), Expression.Constant(type.Name));
    }

    /// <summary>The unit's word: <c>month</c>, <c>quarter</c> or <c>year</c>.</summary>
    public static string Word(RecurrenceUnit unit) => unit switch
    {
        RecurrenceUnit.Month => "month",
        RecurrenceUnit.Quarter => "quarter",
        _ => "year",
    };

    /// <summary>
    /// The periods of a provision that recurs, or null with a diagnostic when they have no start: no <c>from</c>, and the
    /// provision and the ordinance name no day it took effect or was adopted.
    /// </summary>
    public static RecurringPeriods? For(Ordinance ordinance, Provision provision, Recurrence recurrence, DateTimeZone zone, List<Diagnostic> diagnostics)
    {
        var from = recurrence.From ?? provision.InForce?.From ?? ordinance.EffectiveFrom ?? ordinance.AdoptedOn;
        if (from is not { } start)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance,
                $"provision {provision.Id} recurs each {Word(recurrence.Every)}, but nothing says from when: give 'from:' under 'recurs', or the ordinance's 'adopted' or 'effective' date",
                recurrence.Location ?? provision.Location));
            return null;
        }

        var until = provision.InForce?.Until is { } u ? LocalDate.FromDateOnly(u) : (LocalDate?)null;
        return new RecurringPeriods(provision, recurrence, TypeOf(provision, recurrence), PeriodStart(recurrence.Every, LocalDate.FromDateOnly(start)), until, zone);
    }

    /// <summary>The fact type of a recurring provision's periods: its own instance, named by the unit.</summary>
    public static FactType TypeOf(Provision provision, Recurrence recurrence)
    {
        var word = Word(recurrence.Every);
        return new FactType(word, [
            new FieldDefinition("start", FieldType.Instant, $"When the {word} begins: its first midnight in the jurisdiction's zone."),
            new FieldDefinition("end", FieldType.Instant, $"When the {word} ends: the instant the next {word} begins."),
            new FieldDefinition("label", FieldType.Text, $"The {word}'s name, such as {Label(recurrence.Every, new LocalDate(2021, 7, 1))}; also its id."),
        ], $"A calendar {word} of provision {provision.Id}'s recurring duty, generated from the provision and the as-of instant.", recurrence.Location)
        {
            Generated = true,
        };
    }

    /// <summary>How many periods have begun by the as-of instant (counting stops past the limit).</summary>
    public int Count(DateTimeOffset asOf)
    {
        var count = 0;
        foreach (var _ in Starts(asOf))
        {
            if (++count > Limits.MaxRecurringPeriods)
            {
                break;
            }
        }

        return count;
    }

    /// <summary>The periods that have begun by the as-of instant, oldest first; at most <see cref="Limits.MaxRecurringPeriods"/>.</summary>
    public IEnumerable<Fact> Generate(DateTimeOffset asOf)
    {
        foreach (var period in Periods(asOf).Take(Limits.MaxRecurringPeriods))
        {
            var fact = new Fact(Type, period.Label, Recurrence.Location);
            fact.SetRaw(0, period.Start);
            fact.SetRaw(1, period.End);
            fact.SetRaw(2, period.Label);
            yield return fact;
        }
    }

    /// <summary>
    /// The periods that have begun by the as-of instant, oldest first, as <see cref="Generate"/> makes them (with no limit
    /// to how many): each one's start, end and label.
    /// </summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End, string Label)> Periods(DateTimeOffset asOf) =>
        Starts(asOf).Select(start => (Instant(start), Instant(Next(start)), Label(Recurrence.Every, start)));

    /// <summary>
    /// The calendar periods of a unit in a zone that begin from <paramref name="from"/> (inclusive) to
    /// <paramref name="to"/> (inclusive), oldest first: each one's start, end and label, as a recurring duty's periods
    /// are (its periods are a run of these).
    /// </summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End, string Label)> Calendar(RecurrenceUnit unit, DateTimeZone zone, DateTimeOffset from, DateTimeOffset to)
    {
        var calendar = Unit(unit);
        for (var start = PeriodStart(unit, NodaTime.Instant.FromDateTimeOffset(from).InZone(zone).Date); ; start = CalendarTime.NextDate(start, calendar))
        {
            var instant = zone.AtStartOfDay(start).ToDateTimeOffset();
            if (instant > to)
            {
                yield break;
            }

            if (instant >= from)
            {
                yield return (instant, zone.AtStartOfDay(CalendarTime.NextDate(start, calendar)).ToDateTimeOffset(), Label(unit, start));
            }
        }
    }

    /// <summary>The jurisdiction's zone the periods are counted in.</summary>
    public DateTimeZone Zone => _zone;

    /// <summary>The diagnostic for an as-of instant that would generate too many periods.</summary>
    public Diagnostic TooMany(DateTimeOffset asOf, SourceLocation? where) => new(
        DiagnosticCodes.EvaluationBudget,
        $"provision {Provision.Id} recurs each {Word(Recurrence.Every)} from {Label(Recurrence.Every, _first)}: as of {FactValue.Format(asOf)} that is more than {Limits.MaxRecurringPeriods:N0} periods, the limit; evaluate as of an earlier instant, or start the recurrence later ('from:' under 'recurs')",
        where ?? Recurrence.Location ?? Provision.Location);

    private IEnumerable<LocalDate> Starts(DateTimeOffset asOf)
    {
        var last = NodaTime.Instant.FromDateTimeOffset(asOf).InZone(_zone).Date;
        for (var start = _first; start <= last && (_until is not { } until || start < until); start = Next(start))
        {
            yield return start;
        }
    }

    private DateTimeOffset Instant(LocalDate date) => _zone.AtStartOfDay(date).ToDateTimeOffset();

    private LocalDate Next(LocalDate start) => CalendarTime.NextDate(start, Unit(Recurrence.Every));

    private static LocalDate PeriodStart(RecurrenceUnit unit, LocalDate date) => CalendarTime.StartDate(date, Unit(unit));

    private static CalendarUnit Unit(RecurrenceUnit unit) => unit switch
    {
        RecurrenceUnit.Month => CalendarUnit.Month,
        RecurrenceUnit.Quarter => CalendarUnit.Quarter,
        _ => CalendarUnit.Year,
    };

    private static string Label(RecurrenceUnit unit, LocalDate start) => unit switch
    {
        RecurrenceUnit.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        RecurrenceUnit.Quarter => $"{start.Year.ToString(CultureInfo.InvariantCulture)}-Q{((start.Month - 1) / 3) + 1}",
        _ => start.Year.ToString(CultureInfo.InvariantCulture),
    };
}
