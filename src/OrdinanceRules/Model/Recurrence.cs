using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>The calendar period a recurring duty recurs in: each month, quarter or year of the jurisdiction's calendar.</summary>
public enum RecurrenceUnit
{
    /// <summary>Each calendar month, from its first local midnight to the next month's.</summary>
    Month,

    /// <summary>Each calendar quarter (January, April, July, October), from its first local midnight to the next quarter's.</summary>
    Quarter,

    /// <summary>Each calendar year, from the first local midnight of January to the next year's.</summary>
    Year,
}

/// <summary>
/// A duty that recurs each period, such as "a report each quarter, due 30 days after the quarter ends": the engine
/// generates the periods, as facts bound to <see cref="Variable"/>, from <see cref="From"/> (or the provision's or the
/// ordinance's effective date) to the evaluation's as-of instant, and the provision is evaluated for each, one finding a period.
/// </summary>
/// <remarks>
/// A period fact has the fields <c>start</c> and <c>end</c> (instants: its first local midnight and the next period's, in
/// the jurisdiction's zone) and <c>label</c> (text such as <c>2021-Q3</c>, <c>2021-07</c> or <c>2021</c>, which is also its id).
/// The periods generated are those that have begun by the as-of instant, from the one in which <see cref="From"/> falls,
/// and before the provision's <c>in-force: until</c>; at most <see cref="Limits.MaxRecurringPeriods"/> of them.
/// </remarks>
public sealed record Recurrence
{
    /// <summary>The calendar period.</summary>
    public required RecurrenceUnit Every { get; init; }

    /// <summary>The variable the provision's conditions name the period by, such as <c>q</c>.</summary>
    public required string Variable { get; init; }

    /// <summary>
    /// The day the duty starts recurring; null for the provision's <c>in-force: from</c>, else the ordinance's effective date,
    /// else (when that is unknown) its adoption.
    /// </summary>
    public DateOnly? From { get; init; }

    /// <summary>Where the recurrence was written.</summary>
    public SourceLocation? Location { get; init; }
}
