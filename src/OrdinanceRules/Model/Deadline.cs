namespace OrdinanceRules.Model;

/// <summary>
/// When an obligation falls due: a duration of elapsed time measured from an instant, such as 48
/// hours from RPPD's receipt of word of a planned federal operation.
/// </summary>
/// <remarks>
/// Durations are elapsed time between instants (computed in UTC), never a difference of wall-clock
/// times, so a daylight-saving change inside the window matters. The due instant itself is on time.
/// </remarks>
/// <param name="Within">The duration, such as 48 hours.</param>
/// <param name="From">An instant expression over the provision's variables, such as <c>k.receivedAt</c>.</param>
/// <param name="Description">The anchor in words, for reports, such as "RPPD's receipt of the information".</param>
public sealed record Deadline(TimeSpan Within, ConditionText From, string? Description = null);
