using System.Collections.Immutable;

namespace OrdinanceRules.Model;

/// <summary>Days that business-day deadlines skip besides weekends, as data: a name and a list of dates.</summary>
/// <remarks>
/// A calendar covers the years its holidays fall in, from the first to the last: a deadline that would be
/// counted across a day outside them cannot be determined, rather than silently counting that year's
/// holidays as working days.
/// </remarks>
/// <param name="Name">The calendar's name, such as <c>us-federal</c>.</param>
/// <param name="Holidays">The holidays, as dates in the jurisdiction's zone.</param>
public sealed record HolidayCalendar(string Name, ImmutableArray<DateOnly> Holidays)
{
    /// <summary>Whether the calendar says which days of <paramref name="date"/>'s year are holidays.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True when the date's year is within the years of the listed holidays, or when none are listed.</returns>
    public bool Covers(DateOnly date) =>
        Holidays.IsDefaultOrEmpty || (date.Year >= Holidays.Min().Year && date.Year <= Holidays.Max().Year);

    /// <summary>Whether a date is a business day: not a Saturday, Sunday or holiday.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True for a business day.</returns>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date);
}
