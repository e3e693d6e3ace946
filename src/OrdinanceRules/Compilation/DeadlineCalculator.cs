using NodaTime;
using OrdinanceRules.Conditions;
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

    public Val Due(Val from)
    {
        if (!from.IsKnown)
        {
            return from;
        }

        var anchor = (DateTimeOffset)from.Value!;
        return Val.Known(counting switch
        {
            DeadlineCounting.BusinessHours => AddBusinessTime(anchor),
            DeadlineCounting.BusinessDays => AddBusinessDays(anchor),
            _ => anchor + within,
        });
    }

    private DateTimeOffset AddBusinessTime(DateTimeOffset anchor)
    {
        var remaining = Duration.FromTimeSpan(within);
        var now = Instant.FromDateTimeOffset(anchor);
        while (true)
        {
            var local = now.InZone(zone);
            var nextDay = zone.AtStartOfDay(local.Date.PlusDays(1)).ToInstant();
            if (!_calendar.IsBusinessDay(DateOnly.FromDateTime(local.Date.ToDateTimeUnspecified())))
            {
                now = nextDay;
                continue;
            }

            var available = nextDay - now;
            if (remaining <= available)
            {
                return (now + remaining).ToDateTimeOffset();
            }

            remaining -= available;
            now = nextDay;
        }
    }

    private DateTimeOffset AddBusinessDays(DateTimeOffset anchor)
    {
        var date = Instant.FromDateTimeOffset(anchor).InZone(zone).Date;
        var days = (int)within.TotalDays;
        while (days > 0)
        {
            date = date.PlusDays(1);
            if (_calendar.IsBusinessDay(DateOnly.FromDateTime(date.ToDateTimeUnspecified())))
            {
                days--;
            }
        }

        // The end of the last business day: one tick before the next day starts.
        return zone.AtStartOfDay(date.PlusDays(1)).ToInstant().Minus(Duration.FromTicks(1)).ToDateTimeOffset();
    }
}
