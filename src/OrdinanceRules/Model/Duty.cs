namespace OrdinanceRules.Model;

/// <summary>What discharges an obligation and by when.</summary>
/// <param name="MetBy">The test a fulfilling fact passes, such as a public notice about the operation.</param>
/// <param name="At">An instant expression over the fulfilling fact: when it was done, such as <c>n.issuedAt</c>.</param>
/// <param name="Deadline">When the duty falls due; null when the ordinance sets no deadline.</param>
public sealed record Duty(FactTest MetBy, ConditionText At, Deadline? Deadline);
