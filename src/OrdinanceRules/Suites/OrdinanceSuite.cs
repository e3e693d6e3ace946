using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Suites;

/// <summary>
/// A test suite for one ordinance: named cases, each a scenario with the findings a drafter expects.
/// Run it with <see cref="SuiteRunner"/>; measure which outcomes its cases reach with <see cref="OutcomeCoverage"/>.
/// </summary>
/// <remarks>
/// The suite holds already-loaded objects (scenarios, instants), so it does not depend on how it was
/// written: <c>OrdinanceYaml.LoadSuite</c> reads one from a YAML file (docs/yaml-reference.md, "Test suite
/// files"), and C# code can build one directly. Immutable.
/// </remarks>
public sealed record OrdinanceSuite
{
    /// <summary>The suite's name, for reports.</summary>
    public required string Name { get; init; }

    /// <summary>What the suite is for.</summary>
    public string? Description { get; init; }

    /// <summary>The cases, in the order written.</summary>
    public required ImmutableArray<SuiteCase> Cases { get; init; }

    /// <summary>Where the suite was written.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>One case of a suite: a scenario, the instant and readings to judge it under, and the findings expected.</summary>
public sealed record SuiteCase
{
    /// <summary>The case's name, unique in its suite.</summary>
    public required string Name { get; init; }

    /// <summary>The scenario to evaluate.</summary>
    public required Facts.Scenario Scenario { get; init; }

    /// <summary>The instant to judge at; null to take the scenario's own <see cref="Facts.Scenario.AsOf"/>.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The alternative to take for each reading named, by reading name; the others take their default.</summary>
    public ImmutableDictionary<string, string> Readings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The expected findings; a provision not named here is not checked.</summary>
    public ImmutableArray<ExpectedFinding> Expectations { get; init; } = [];

    /// <summary>Where the case was written.</summary>
    public SourceLocation? Location { get; init; }
}
