using Google.OrTools.Sat;
using NodaTime;
using OrdinanceRules.Analysis.Encoding;
using OrdinanceRules.Compilation;
using OrdinanceRules.Conditions;
using OrdinanceRules.Model;

namespace OrdinanceRules.Analysis.Tests.Encoding;

/// <summary>
/// The solver's calendar time agrees with <see cref="CalendarTime"/> on instants around every kind of daylight-saving
/// change (a gap at 02:00, a gap at midnight, an overlap), at month ends and at random: for each, the encoding forces
/// exactly the instant NodaTime computes.
/// </summary>
public class ZoneCalendarTests
{
    private static readonly CalendarPeriod[] Periods =
        [new(1, 0), new(0, 15), new(-1, 0), new(6, 3), new(0, 0), new(12, -1), new(0, -15)];

    /// <summary>How far each side of the instant checked its variable ranges (a quarter of a year): the tables span months, years and transitions, and stay small.</summary>
    private const long Span = 92L * 24 * 60;

    public static TheoryData<string> Zones => ["America/Chicago", "Australia/Sydney", "America/Santiago", "Europe/London"];

    [Theory]
    [MemberData(nameof(Zones))]
    public void AddAndBoundary_AroundTransitionsAndMonthEnds_ForceTheInstantCalendarTimeComputes(string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var failures = new List<string>();

        foreach (var minutes in Samples(zone).Where(m => m is >= 0 and <= Shape.MaxMinutes))
        {
            var sat = new Sat();
            var calendar = new ZoneCalendar(sat, zone);
            var t = sat.NewInt(Math.Max(0, minutes - Span), Math.Min(Shape.MaxMinutes, minutes + Span), "t");
            sat.Model.Add(t.Expr == minutes);
            var at = Shape.Epoch.AddMinutes(minutes);
            var checks = new List<(string What, Num Value, long Expected)>();
            foreach (var period in Periods)
            {
                checks.Add(($"+ {period}", calendar.Add(t, period), ConditionEncoder.Minutes(CalendarTime.Add(at, period, zone))));
            }

            foreach (var (name, (unit, end)) in CalendarTime.Functions)
            {
                checks.Add((name, calendar.Boundary(t, unit, end), ConditionEncoder.Minutes(CalendarTime.Boundary(at, unit, end, zone))));
            }

            // Feasible with the expected values, and no solution gives any other.
            var solver = new CpSolver { StringParameters = "num_workers:1" };
            var status = solver.Solve(sat.Model);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                failures.Add($"{at:O}: no solution ({status})");
                continue;
            }

            failures.AddRange(checks.Where(c => Sat.Value(solver, c.Value) != c.Expected)
                .Select(c => $"{Instant.FromDateTimeOffset(at).InZone(zone)} {c.What}: {Shape.Epoch.AddMinutes(Sat.Value(solver, c.Value)):O}, expected {Shape.Epoch.AddMinutes(c.Expected):O}"));
            sat.Require(sat.Or([.. checks.Select(c => sat.Eq(c.Value, Num.Of(c.Expected)).Not())]));
            var other = new CpSolver { StringParameters = "num_workers:1" }.Solve(sat.Model);
            if (other != CpSolverStatus.Infeasible)
            {
                failures.Add($"{at:O}: another solution ({other})");
            }
        }

        failures.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void AddAndBoundary_OfARecurringPeriodsBoundary_ForceTheInstantCalendarTimeComputes(string zoneId)
    {
        // A period's start is looked up in its calendar's table, and a calendar function of it by the same index.
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var starts = RecurringPeriods.Calendar(RecurrenceUnit.Month, zone, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero))
            .Select(p => ConditionEncoder.Minutes(p.Start)).ToArray();
        var failures = new List<string>();

        foreach (var index in new[] { 0, 2, 9, 14, starts.Length - 1 })
        {
            var sat = new Sat();
            var calendar = new ZoneCalendar(sat, zone);
            var i = sat.NewInt(0, starts.Length - 1, "period");
            sat.Model.Add(i.Expr == index);
            var t = sat.Element(i, starts, "start", mappable: true);
            var at = Shape.Epoch.AddMinutes(starts[index]);
            var checks = Periods.Select(period => ($"+ {period}", calendar.Add(t, period), ConditionEncoder.Minutes(CalendarTime.Add(at, period, zone))))
                .Concat(CalendarTime.Functions.Select(f => (f.Key, calendar.Boundary(t, f.Value.Unit, f.Value.End), ConditionEncoder.Minutes(CalendarTime.Boundary(at, f.Value.Unit, f.Value.End, zone)))))
                .ToList();

            // Each one is a lookup of the same index, not the general calendar arithmetic.
            failures.AddRange(checks.Where(c => c.Item2.From?.Index != i).Select(c => $"{at:O} {c.Item1}: not looked up by the period's index"));
            var solver = new CpSolver { StringParameters = "num_workers:1" };
            if (solver.Solve(sat.Model) is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                failures.Add($"{at:O}: no solution");
                continue;
            }

            failures.AddRange(checks.Where(c => Sat.Value(solver, c.Item2) != c.Item3)
                .Select(c => $"{at:O} {c.Item1}: {Shape.Epoch.AddMinutes(Sat.Value(solver, c.Item2)):O}, expected {Shape.Epoch.AddMinutes(c.Item3):O}"));
        }

        failures.Should().BeEmpty();
    }

    public static TheoryData<string, DeadlineCounting, int, bool> Deadlines => new()
    {
        { "America/Chicago", DeadlineCounting.BusinessHours, 48 * 60, true },
        { "America/Chicago", DeadlineCounting.BusinessHours, 48 * 60, false },
        { "America/Chicago", DeadlineCounting.BusinessDays, 5 * 24 * 60, true },
        { "Australia/Sydney", DeadlineCounting.BusinessHours, (30 * 60) + 7, false },
        { "Australia/Sydney", DeadlineCounting.BusinessDays, 2 * 24 * 60, false },
        { "Asia/Tehran", DeadlineCounting.BusinessHours, 24 * 60, false },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void BusinessTime_AroundHolidaysWeekendsAndTransitions_ForcesTheDueInstantTheDeadlineCalculatorComputes(string zoneId, DeadlineCounting counting, int minutes, bool holidays)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var calendar = holidays ? BundledOrdinances.Load("us-8-cfr-287-7.yaml").Calendars.Single() : null;
        var calculator = new DeadlineCalculator(TimeSpan.FromMinutes(minutes), counting, calendar, zone);
        var failures = new List<string>();

        foreach (var anchor in BusinessSamples(zone).Where(m => m is >= 0 and <= Shape.MaxMinutes))
        {
            var sat = new Sat();
            var t = sat.NewInt(Math.Max(0, anchor - Span), Math.Min(Shape.MaxMinutes, anchor + Span), "anchor");
            sat.Model.Add(t.Expr == anchor);
            var clock = new ZoneCalendar(sat, zone);
            var (due, known) = counting == DeadlineCounting.BusinessHours ? clock.BusinessHours(t, minutes, calendar) : clock.BusinessDaysDue(t, minutes / (24 * 60), calendar);

            // The calculator's due instant (a tick before the next day's start, for business days), or unknown.
            var expected = calculator.Due(Val.Known(Shape.Epoch.AddMinutes(anchor)));
            long? expectedMinutes = expected.IsKnown ? ConditionEncoder.Minutes(counting == DeadlineCounting.BusinessDays ? expected.Instant.AddTicks(1) : expected.Instant) : null;
            var solver = new CpSolver { StringParameters = "num_workers:1" };
            var status = solver.Solve(sat.Model);
            var at = Instant.FromDateTimeOffset(Shape.Epoch.AddMinutes(anchor)).InZone(zone);
            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                failures.Add($"{at}: no solution ({status})");
                continue;
            }

            long? actual = Sat.Value(solver, known) ? Sat.Value(solver, due) : null;
            if (actual != expectedMinutes)
            {
                failures.Add($"{at}: {Show(actual)}, expected {Show(expectedMinutes)}");
            }

            sat.Require(expectedMinutes is { } e ? sat.Or(known.Not(), sat.Eq(due, Num.Of(e)).Not()) : known);
            var other = new CpSolver { StringParameters = "num_workers:1" }.Solve(sat.Model);
            if (other != CpSolverStatus.Infeasible)
            {
                failures.Add($"{at}: another solution ({other})");
            }
        }

        failures.Should().BeEmpty();
    }

    private static string Show(long? minutes) => minutes is { } m ? Shape.Epoch.AddMinutes(m).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : "unknown";

    /// <summary>Anchors around 2021's holidays and the years' edges, weekends, the zone's 2021 transitions, and some at random.</summary>
    private static IEnumerable<long> BusinessSamples(DateTimeZone zone)
    {
        long Local(int y, int m, int d, int h, int min) => ConditionEncoder.Minutes(new LocalDateTime(y, m, d, h, min).InZoneLeniently(zone).ToDateTimeOffset());
        foreach (var (y, m, d) in new[] { (2020, 12, 30), (2020, 12, 31), (2021, 1, 1), (2021, 1, 15), (2021, 2, 12), (2021, 6, 17), (2021, 11, 24), (2021, 12, 23), (2021, 12, 29), (2021, 12, 30), (2021, 12, 31), (2022, 1, 3), (2021, 5, 29), (2010, 6, 4) })
        {
            yield return Local(y, m, d, 0, 0);
            yield return Local(y, m, d, 13, 17);
            yield return Local(y, m, d, 23, 59);
        }

        var start = Instant.FromDateTimeOffset(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        foreach (var interval in zone.GetZoneIntervals(start, start + Duration.FromDays(365)).Where(i => i.HasStart && i.Start > start))
        {
            var t = (long)(interval.Start - Instant.FromDateTimeOffset(Shape.Epoch)).TotalMinutes;
            yield return t - 30;
            yield return t - (3 * 24 * 60);
            yield return t - (2 * 24 * 60) + 1;
        }

        var random = new Random(11);
        for (var i = 0; i < 6; i++)
        {
            yield return random.NextInt64(0, Shape.MaxMinutes);
        }
    }

    /// <summary>Instants around the zone's transitions from 2000 to 2040, local month ends and midnights, and some at random.</summary>
    private static IEnumerable<long> Samples(DateTimeZone zone)
    {
        var start = Instant.FromDateTimeOffset(Shape.Epoch);
        var transitions = zone.GetZoneIntervals(start, start + Duration.FromMinutes(Shape.MaxMinutes)).Where(i => i.HasStart && i.Start > start).Select(i => (long)(i.Start - start).TotalMinutes).ToList();
        var picked = transitions.Where((_, i) => i < 4 || i % 9 == 0).ToList();
        foreach (var t in picked)
        {
            foreach (var delta in new long[] { -61, -1, 0, 1, 30, 59, 60, 90, -(24 * 60) + 15 })
            {
                yield return t + delta;
            }
        }

        foreach (var (y, m, d, h, min) in new[] { (2021, 1, 31, 12, 0), (2020, 1, 31, 23, 59), (2021, 3, 31, 0, 0), (2021, 12, 31, 23, 30), (2000, 1, 1, 0, 0), (2039, 12, 31, 0, 0) })
        {
            var local = new LocalDateTime(y, m, d, h, min).InZoneLeniently(zone).ToDateTimeOffset();
            yield return ConditionEncoder.Minutes(local);
        }

        var random = new Random(7);
        for (var i = 0; i < 6; i++)
        {
            yield return random.NextInt64(0, Shape.MaxMinutes);
        }
    }
}
