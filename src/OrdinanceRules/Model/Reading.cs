using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// An interpretive question the ordinance leaves open, with its alternatives and the one adopted by
/// default. Conditions test the reading in force with <c>reading('name')</c>; an evaluation can choose
/// any alternative, and every report names the readings it used.
/// </summary>
/// <example>The 48-hour anchor of Roeland Park's notice duty: receipt of the information, its actual reading, or 48 hours before the activity.</example>
public sealed record Reading
{
    /// <summary>The reading's name, such as <c>p3-anchor</c>: letters, digits and '-'.</summary>
    public required string Name { get; init; }

    /// <summary>The question, in a sentence.</summary>
    public required string Question { get; init; }

    /// <summary>The alternatives; at least two.</summary>
    public required ImmutableArray<ReadingAlternative> Alternatives { get; init; }

    /// <summary>The name of the alternative adopted unless an evaluation chooses another.</summary>
    public required string Default { get; init; }

    /// <summary>Where the reading was declared.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Whether <paramref name="alternative"/> is one of the alternatives.</summary>
    /// <param name="alternative">The alternative's name.</param>
    /// <returns>True when it is.</returns>
    public bool Allows(string alternative) => Alternatives.Any(a => a.Name == alternative);
}

/// <summary>One answer to an interpretive question.</summary>
/// <param name="Name">The alternative's name, such as <c>receipt</c>.</param>
/// <param name="Description">What choosing it means, in a sentence.</param>
public sealed record ReadingAlternative(string Name, string Description);
