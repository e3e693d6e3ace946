using NodaTime;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Computes a due instant from an anchor: elapsed time, or time counted on business days only, in the
/// jurisdiction's zone. Built once per deadline at compile time; rules call <see cref="Due"/>.
/// </summary>
internal sealed class DeadlineCalculator(TimeSpan within, DeadlineCounting counting, HolidayCalendar? calendar, DateTimeZone zone)
{
    private static readonly HolidayCalendar WeekendsOnly = new("weekends", []);

    private readonly HolidayCalendar _calendar = calendar ?? WeekendsOnly;

    // Looked up once a day counted: a set, and the years covered, computed once.
    private readonly HashSet<DateOnly> _holidays = [.. calendar?.Holidays ?? []];
    private readonly (int First, int Last) _covered = calendar is { Holidays.IsDefaultOrEmpty: false } c
        ? (c.Holidays.Min().Year, c.Holidays.Max().Year)
        : (int.MinValue, int.MaxValue);

    public Val Due(Val from)
    {
        if (!from.IsKnown)
        {
            return from;
        }

        var anchor = from.Instant;
        var (due, uncovered) = counting switch
        {
            DeadlineCounting.BusinessHours => AddBusinessTime(anchor),
            DeadlineCounting.BusinessDays => AddBusinessDays(anchor),
            _ => (Limits.InRange(anchor) && anchor.UtcTicks <= (Limits.LatestInstant - within).UtcTicks ? anchor + within : Past(anchor), null),
        };
        return uncovered is { } day
            ? Val.Unknown($"whether {day:yyyy-MM-dd} is a holiday: the calendar {_calendar.Name} does not cover that year")
            : Val.Known(Limits.InRange(due) ? due : Past(anchor));
    }

    private DateTimeOffset Past(DateTimeOffset anchor) =>
        throw new ValueOverflowException($"the deadline {DurationText.Format(within)} from {FactValue.Format(anchor)} falls after the last instant handled ({FactValue.Format(Limits.LatestInstant)})");

    /// <summary>Whether a day counts: yes, no, or null when the calendar does not cover its year.</summary>
    private bool? IsBusinessDay(LocalDate date)
    {
        var day = DateOnly.FromDateTime(date.ToDateTimeUnspecified());
        if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return false;
        }

        if (day.Year > Limits.MaxYear)
        {
            throw new ValueOverflowException($"counting the deadline of {DurationText.Format(within)} runs past the last year handled ({Limits.MaxYear})");
        }

        return day.Year >= _covered.First && day.Year <= _covered.Last ? !_holidays.Contains(day) : null;
    }

    private (DateTimeOffset Due, DateOnly? Uncovered) AddBusinessTime(DateTimeOffset anchor)
    {
        var remaining = Duration.FromTimeSpan(within);
        var now = Instant.FromDateTimeOffset(anchor);
        while (true)
        {
            var local = now.InZone(zone);
            var nextDay = zone.AtStartOfDay(local.Date.PlusDays(1)).ToInstant();
            var business = IsBusinessDay(local.Date);
            if (business is null)
            {
                return (default, DateOnly.FromDateTime(local.Date.ToDateTimeUnspecified()));
            }

            if (business == false)
            {
                now = nextDay;
                continue;
            }

            var available = nextDay - now;
            if (remaining <= available)
            {
                return ((now + remaining).ToDateTimeOffset(), null);
            }

            remaining -= available;
            now = nextDay;
        }
    }

    private (DateTimeOffset Due, DateOnly? Uncovered) AddBusinessDays(DateTimeOffset anchor)
    {
        var date = Instant.FromDateTimeOffset(anchor).InZone(zone).Date;
        var days = (int)within.TotalDays;
        while (days > 0)
        {
            date = date.PlusDays(1);
            var business = IsBusinessDay(date);
            if (business is null)
            {
                return (default, DateOnly.FromDateTime(date.ToDateTimeUnspecified()));
            }

            if (business == true)
            {
                days--;
            }
        }

        // The end of the last business day: one tick before the next day starts.
        return (zone.AtStartOfDay(date.PlusDays(1)).ToInstant().Minus(Duration.FromTicks(1)).ToDateTimeOffset(), null);
    }
}
