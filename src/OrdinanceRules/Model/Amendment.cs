using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// A later change to an ordinance, with its own dates: events from its effective date on are judged by
/// the amended version. When the amended text is not known, findings about those events are
/// Undetermined and say why.
/// </summary>
public sealed record Amendment
{
    /// <summary>A short id, such as <c>A2022</c>.</summary>
    public required string Id { get; init; }

    /// <summary>A short title, such as "Amended to comply with K.S.A. 12-16,140".</summary>
    public required string Title { get; init; }

    /// <summary>The day it was adopted, when known.</summary>
    public DateOnly? AdoptedOn { get; init; }

    /// <summary>The day it took effect, when known.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>The ids of the provisions it changes.</summary>
    public required ImmutableArray<string> Affects { get; init; }

    /// <summary>
    /// Whether the amended text is known. When it is, the amended provisions are written as provisions of
    /// their own, in force from <see cref="EffectiveFrom"/>; the originals cease to apply then.
    /// </summary>
    public bool TextKnown { get; init; }

    /// <summary>What is known of the amendment and its sources.</summary>
    public string? Notes { get; init; }

    /// <summary>Where it was declared.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>The days between which a provision is in force, when they differ from the ordinance's.</summary>
/// <param name="From">The first day in force; null for the ordinance's effective date.</param>
/// <param name="Until">The first day no longer in force; null for no end.</param>
public sealed record InForcePeriod(DateOnly? From, DateOnly? Until);
