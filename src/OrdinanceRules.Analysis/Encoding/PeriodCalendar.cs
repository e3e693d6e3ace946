using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using OrdinanceRules.Compilation;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Analysis.Encoding;

/// <summary>
/// The calendar periods (months, quarters or years of a zone) a recurring duty's periods are drawn from, over the
/// instants of the shape: each one's start and end in minutes from <see cref="Shape.Epoch"/>, and its label. A period of
/// the shape is an index into these tables, so its start is a period boundary and its end the next one, as the engine
/// generates them (<see cref="RecurringPeriods"/>); the duty's own periods are a run of them.
/// </summary>
internal sealed class PeriodCalendar
{
    private static readonly ConcurrentDictionary<(RecurrenceUnit Unit, string Zone), PeriodCalendar> Cache = new();
    private static readonly ConditionalWeakTable<RecurringPeriods, StrongBox<long?>> LimitCache = new();

    private PeriodCalendar(RecurrenceUnit unit, NodaTime.DateTimeZone zone)
    {
        Unit = unit;
        Zone = zone;
        var periods = RecurringPeriods.Calendar(unit, zone, Shape.Epoch, Shape.Epoch.AddMinutes(Shape.MaxAsOf)).ToList();
        Starts = [.. periods.Select(p => Minutes(p.Start))];
        Ends = [.. periods.Select(p => Minutes(p.End))];
        Labels = [.. periods.Select(p => p.Label)];
    }

    public RecurrenceUnit Unit { get; }

    public NodaTime.DateTimeZone Zone { get; }

    /// <summary>Each period's first instant (its first local midnight), in minutes.</summary>
    public long[] Starts { get; }

    /// <summary>Each period's end: the next one's start, in minutes.</summary>
    public long[] Ends { get; }

    /// <summary>Each period's label (<c>2021-Q3</c>), which is also its id.</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>The calendar a recurring duty's periods are drawn from.</summary>
    public static PeriodCalendar For(RecurringPeriods recurrence) =>
        Cache.GetOrAdd((recurrence.Recurrence.Every, recurrence.Zone.Id), _ => new PeriodCalendar(recurrence.Recurrence.Every, recurrence.Zone));

    /// <summary>Which of the calendar's periods the duty generates, as a run of indices (empty, last before first, when none).</summary>
    public (int First, int Last) Run(RecurringPeriods recurrence)
    {
        var generated = Own(recurrence).Take(Limits.MaxRecurringPeriods).ToHashSet();
        var indices = Enumerable.Range(0, Starts.Length).Where(i => generated.Contains(Starts[i])).ToList();
        return indices.Count == 0 ? (0, -1) : (indices[0], indices[^1]);
    }

    /// <summary>
    /// The start (in minutes) of the duty's first period past <see cref="Limits.MaxRecurringPeriods"/>: an evaluation as of
    /// then or later stops with a diagnostic (too many periods); null when that period lies beyond the shape.
    /// </summary>
    public static long? Limit(RecurringPeriods recurrence) => LimitCache.GetValue(recurrence, r =>
    {
        var own = Own(r).Take(Limits.MaxRecurringPeriods + 1).ToList();
        return new StrongBox<long?>(own.Count > Limits.MaxRecurringPeriods ? own[^1] : null);
    }).Value;

    /// <summary>The starts (minutes) of the duty's periods begun by the shape's last instant.</summary>
    private static IEnumerable<long> Own(RecurringPeriods recurrence) => recurrence.Periods(Shape.Epoch.AddMinutes(Shape.MaxAsOf)).Select(p => Minutes(p.Start));

    private static long Minutes(DateTimeOffset instant)
    {
        var span = instant - Shape.Epoch;
        return span.Ticks % TimeSpan.TicksPerMinute == 0
            ? (long)span.TotalMinutes
            : throw new NotSupportedException($"a recurring duty whose periods do not start on a whole minute ({instant:O})");
    }
}
