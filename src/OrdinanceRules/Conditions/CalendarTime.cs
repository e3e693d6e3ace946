using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Conditions;

/// <summary>
/// A length of calendar time: whole months (a quarter is 3, a year 12) and whole days (a week is 7), counted on
/// the jurisdiction's calendar and clock, as opposed to elapsed time (<c>48h</c>, a <see cref="TimeSpan"/>). Adding
/// one to an instant keeps its local time of day across daylight-saving changes: midnight plus <c>15 days</c> is
/// midnight, where midnight plus <c>15d</c> may be 23:00 or 01:00.
/// </summary>
internal readonly partial record struct CalendarPeriod(int Months, int Days)
{
    /// <summary>The most months a period may hold (100 years).</summary>
    public const int MaxMonths = 1_200;

    /// <summary>The most days a period may hold (as <see cref="Limits.MaxDuration"/>).</summary>
    public const int MaxDays = 36_600;

    public bool InRange => Math.Abs(Months) <= MaxMonths && Math.Abs(Days) <= MaxDays;

    public static CalendarPeriod operator +(CalendarPeriod a, CalendarPeriod b) => new(a.Months + b.Months, a.Days + b.Days);

    public static CalendarPeriod operator -(CalendarPeriod a) => new(-a.Months, -a.Days);

    /// <summary>Reads a literal such as <c>1 month</c>, <c>2 quarters</c> or <c>15 days</c>; false with the reason when it is out of range.</summary>
    public static bool TryParse(string text, out CalendarPeriod period, out string? error)
    {
        period = default;
        error = null;
        var match = LiteralPattern().Match(text);
        if (!match.Success)
        {
            error = $"'{Echo.Value(text)}' is not a calendar period";
            return false;
        }

        var unit = match.Groups[2].Value.TrimEnd('s');
        if (!long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxDays)
        {
            error = $"the calendar period '{Echo.Value(text)}' is out of range: the allowed {Range}";
            return false;
        }

        period = unit switch
        {
            "day" => new CalendarPeriod(0, (int)count),
            "week" => new CalendarPeriod(0, (int)count * 7),
            "month" => new CalendarPeriod((int)count, 0),
            "quarter" => new CalendarPeriod((int)count * 3, 0),
            _ => new CalendarPeriod((int)count * 12, 0),
        };
        if (!period.InRange)
        {
            error = $"the calendar period '{Echo.Value(text)}' is out of range: the allowed {Range}";
            return false;
        }

        return true;
    }

    /// <summary>The allowed periods, in words, for messages.</summary>
    public const string Range = "calendar periods of at most 100 years (1200 months, 400 quarters) and 36600 days";

    /// <summary>The regular expression of a literal: a whole number, spaces, and a unit.</summary>
    public const string Literal = "[0-9]+ +(days?|weeks?|months?|quarters?|years?)";

    public override string ToString()
    {
        var parts = new List<string>();
        if (Months != 0)
        {
            parts.Add($"{Months} month{(Math.Abs(Months) == 1 ? string.Empty : "s")}");
        }

        if (Days != 0 || parts.Count == 0)
        {
            parts.Add($"{Days} day{(Math.Abs(Days) == 1 ? string.Empty : "s")}");
        }

        return string.Join(' ', parts);
    }

    [GeneratedRegex("^([0-9]+) +(days?|weeks?|months?|quarters?|years?)$")]
    private static partial Regex LiteralPattern();
}

/// <summary>The calendar units whose start and end a condition can take: <c>start-of-quarter(t)</c>, <c>end-of-year(t)</c>.</summary>
internal enum CalendarUnit
{
    Day,
    Month,
    Quarter,
    Year,
}

/// <summary>Calendar arithmetic in a jurisdiction's time zone, with NodaTime.</summary>
internal static class CalendarTime
{
    /// <summary>The functions, by name: each takes an instant and gives the start or the end of its unit.</summary>
    public static readonly IReadOnlyDictionary<string, (CalendarUnit Unit, bool End)> Functions = new Dictionary<string, (CalendarUnit, bool)>(StringComparer.Ordinal)
    {
        ["start-of-day"] = (CalendarUnit.Day, false),
        ["end-of-day"] = (CalendarUnit.Day, true),
        ["start-of-month"] = (CalendarUnit.Month, false),
        ["end-of-month"] = (CalendarUnit.Month, true),
        ["start-of-quarter"] = (CalendarUnit.Quarter, false),
        ["end-of-quarter"] = (CalendarUnit.Quarter, true),
        ["start-of-year"] = (CalendarUnit.Year, false),
        ["end-of-year"] = (CalendarUnit.Year, true),
    };

    /// <summary>An instant plus (or minus) a calendar period: the local date moves by months, then days; the local time stays.</summary>
    /// <remarks>A local time that the move lands in a daylight-saving gap is moved forward by the gap; in an overlap, the earlier instant is taken.</remarks>
    public static DateTimeOffset Add(DateTimeOffset instant, CalendarPeriod period, DateTimeZone zone)
    {
        var local = Instant.FromDateTimeOffset(instant).InZone(zone).LocalDateTime;
        return local.PlusMonths(period.Months).PlusDays(period.Days).InZoneLeniently(zone).ToDateTimeOffset();
    }

    /// <summary>
    /// The instant a day, month, quarter or year begins in the zone (its first local midnight, or the first instant after
    /// it where midnight does not exist); its end is the instant the next one begins.
    /// </summary>
    public static DateTimeOffset Boundary(DateTimeOffset instant, CalendarUnit unit, bool end, DateTimeZone zone)
    {
        var start = StartDate(Instant.FromDateTimeOffset(instant).InZone(zone).Date, unit);
        return zone.AtStartOfDay(end ? NextDate(start, unit) : start).ToDateTimeOffset();
    }

    /// <summary>The first day of the day, month, quarter or year a date falls in.</summary>
    public static LocalDate StartDate(LocalDate date, CalendarUnit unit) => unit switch
    {
        CalendarUnit.Day => date,
        CalendarUnit.Month => new LocalDate(date.Year, date.Month, 1),
        CalendarUnit.Quarter => new LocalDate(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        _ => new LocalDate(date.Year, 1, 1),
    };

    /// <summary>The first day of the next day, month, quarter or year, from the first day of one.</summary>
    public static LocalDate NextDate(LocalDate start, CalendarUnit unit) => unit switch
    {
        CalendarUnit.Day => start.PlusDays(1),
        CalendarUnit.Month => start.PlusMonths(1),
        CalendarUnit.Quarter => start.PlusMonths(3),
        _ => start.PlusYears(1),
    };
}
