using System.Collections.Immutable;

namespace OrdinanceRules.Model;

/// <summary>Days that business-day deadlines skip besides weekends, as data: a name and a list of dates.</summary>
/// <param name="Name">The calendar's name, such as <c>us-federal</c>.</param>
/// <param name="Holidays">The holidays, as dates in the jurisdiction's zone.</param>
public sealed record HolidayCalendar(string Name, ImmutableArray<DateOnly> Holidays)
{
    /// <summary>Whether a date is a business day: not a Saturday, Sunday or holiday.</summary>
    /// <param name="date">The date.</param>
    /// <returns>True for a business day.</returns>
    public bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(date);
}
