using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Facts;

/// <summary>
/// A set of facts to evaluate: what happened, as far as it is known.
/// </summary>
/// <remarks>
/// The world is closed: conduct the scenario does not list did not happen. Where that is not so,
/// <see cref="UnknownTypes"/> names the fact types of which further, unlisted facts may exist.
/// Build one with <see cref="ScenarioBuilder"/>. Immutable and thread-safe.
/// </remarks>
public sealed class Scenario
{
    internal Scenario(string name, string? description, ImmutableArray<Fact> facts, ImmutableArray<string> unknownTypes, DateTimeOffset? asOf, SourceLocation? location)
    {
        Name = name;
        Description = description;
        Facts = facts;
        UnknownTypes = unknownTypes;
        AsOf = asOf;
        Location = location;
        HasUnknownValue = facts.Any(f => f.HasUnknownValue);
    }

    /// <summary>
    /// Whether some fact has a field that can read as unknown (<see cref="Fact.HasUnknownValue"/>), computed once when the
    /// scenario is built: when none has, the rules skip looking for combinations whose condition comes out unknown.
    /// </summary>
    internal bool HasUnknownValue { get; }

    /// <summary>The scenario's name, for reports.</summary>
    public string Name { get; }

    /// <summary>What the scenario is about.</summary>
    public string? Description { get; }

    /// <summary>The facts, in the order given.</summary>
    public ImmutableArray<Fact> Facts { get; }

    /// <summary>Fact types of which the scenario does not know whether further facts exist.</summary>
    public ImmutableArray<string> UnknownTypes { get; }

    /// <summary>The instant the scenario is to be judged at, when it names one.</summary>
    public DateTimeOffset? AsOf { get; }

    /// <summary>Where the scenario came from, when it came from a file.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Finds a fact by id.</summary>
    /// <param name="id">The fact's id.</param>
    /// <returns>The fact, or null.</returns>
    public Fact? FindFact(string id) => Facts.FirstOrDefault(f => f.Id == id);
}
