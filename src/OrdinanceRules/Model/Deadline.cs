namespace OrdinanceRules.Model;

/// <summary>How a deadline's duration is counted.</summary>
public enum DeadlineCounting
{
    /// <summary>Elapsed time between instants, whatever the day (Roeland Park's 48 hours).</summary>
    Elapsed,

    /// <summary>
    /// Elapsed time counted only on business days: weekends and the calendar's holidays, as whole days in
    /// the jurisdiction's zone, do not count (8 C.F.R. § 287.7(d)'s "48 hours, excluding Saturdays, Sundays and holidays").
    /// </summary>
    BusinessHours,

    /// <summary>
    /// Whole business days after the day of the anchor; due at the end of the last one (a duty "within five business days").
    /// The duration must be a whole number of days.
    /// </summary>
    BusinessDays,
}

/// <summary>
/// When an obligation falls due: a duration measured from an instant (48 hours from RPPD's receipt of word
/// of a planned federal operation), or a due instant given directly.
/// </summary>
/// <remarks>
/// Durations are elapsed time between instants (computed in UTC), never a difference of wall-clock times,
/// so a daylight-saving change inside the window matters. The due instant itself is on time unless
/// <see cref="Inclusive"/> says otherwise.
/// </remarks>
public sealed record Deadline
{
    /// <summary>An empty deadline, for object initializers that set <see cref="Due"/>.</summary>
    public Deadline()
    {
    }

    /// <summary>A duration from an anchor instant.</summary>
    /// <param name="within">The duration, such as 48 hours.</param>
    /// <param name="from">An instant expression over the provision's variables, such as <c>k.receivedAt</c>.</param>
    /// <param name="description">The anchor in words, for reports.</param>
    public Deadline(TimeSpan within, ConditionText from, string? description = null)
    {
        Within = within;
        From = from;
        Description = description;
    }

    /// <summary>The duration; with <see cref="From"/>.</summary>
    public TimeSpan? Within { get; init; }

    /// <summary>The anchor: an instant expression over the provision's variables.</summary>
    public ConditionText? From { get; init; }

    /// <summary>
    /// Instead of <see cref="Within"/> and <see cref="From"/>: the due instant as an expression, such as
    /// <c>o.plannedStart - 48h</c> or a conditional on a reading.
    /// </summary>
    public ConditionText? Due { get; init; }

    /// <summary>A yes/no condition: whether the due instant itself is on time. Null means it is.</summary>
    public ConditionText? Inclusive { get; init; }

    /// <summary>How <see cref="Within"/> is counted.</summary>
    public DeadlineCounting Counting { get; init; } = DeadlineCounting.Elapsed;

    /// <summary>The holiday calendar business counting skips, by name; null skips weekends only.</summary>
    public string? Calendar { get; init; }

    /// <summary>The anchor in words, for reports, such as "RPPD's receipt of the information".</summary>
    public string? Description { get; init; }
}
