using System.Collections.Immutable;

namespace OrdinanceRules.Compilation;

/// <summary>One variable of a join the compiled network makes: its fact type, and whether it is found by following a reference.</summary>
internal sealed record JoinStep(string Type, bool Followed)
{
    private readonly ImmutableArray<string> _types;

    /// <summary>The types the step joins: <see cref="Type"/> alone, or each type of a variable that ranges over several (whose <see cref="Type"/> names them all).</summary>
    public ImmutableArray<string> Types
    {
        get => _types.IsDefaultOrEmpty ? [Type] : _types;
        init => _types = value;
    }
}

/// <summary>
/// A join the compiled network makes for a provision (its subject, a breach on further facts, a duty's discharge, an
/// exception's facts), its variables in order: what the evaluation budget counts. A variable found by following a
/// reference (decision 0011) adds the facts it reaches, not a factor of its type's count.
/// </summary>
internal sealed record JoinPlan(string ProvisionId, ImmutableArray<JoinStep> Steps);
