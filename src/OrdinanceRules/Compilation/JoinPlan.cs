using System.Collections.Immutable;

namespace OrdinanceRules.Compilation;

/// <summary>One variable of a join the compiled network makes: its fact type, and whether it is found by following a reference.</summary>
internal sealed record JoinStep(string Type, bool Followed);

/// <summary>
/// A join the compiled network makes for a provision (its subject, a breach on further facts, a duty's discharge, an
/// exception's facts), its variables in order: what the evaluation budget counts. A variable found by following a
/// reference (decision 0011) adds the facts it reaches, not a factor of its type's count.
/// </summary>
internal sealed record JoinPlan(string ProvisionId, ImmutableArray<JoinStep> Steps);
