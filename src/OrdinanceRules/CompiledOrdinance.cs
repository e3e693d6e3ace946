using System.Collections.Immutable;
using NRules;
using OrdinanceRules.Compilation;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules;

/// <summary>
/// An ordinance compiled into an NRules session factory: evaluate any number of scenarios against it,
/// from any number of threads. Each evaluation runs in a fresh NRules session.
/// </summary>
public sealed class CompiledOrdinance
{
    /// <summary>The NRules session factory: one fresh session per evaluation.</summary>
    internal ISessionFactory Factory { get; }

    internal CompiledOrdinance(Ordinance ordinance, ImmutableArray<Ordinance> higherLaws, ISessionFactory factory, int ruleCount, ImmutableArray<JoinPlan> joins)
    {
        Joins = joins;
        Ordinance = ordinance;
        HigherLaws = higherLaws;
        Factory = factory;
        RuleCount = ruleCount;
        ContentHash = higherLaws.IsEmpty
            ? ordinance.ContentHash
            : higherLaws.Prepend(ordinance).Any(l => l.ContentHash is null) ? null : Digests.Of(higherLaws.Prepend(ordinance).Select(l => l.ContentHash!));
    }

    /// <summary>
    /// The content hash of the law this evaluates: the ordinance's own (<see cref="Ordinance.ContentHash"/>) when compiled
    /// alone; in a law stack, the hash of the ordinance's and each higher law's hashes, one a line, in order. Null when any
    /// of them was built in code.
    /// </summary>
    public string? ContentHash { get; }

    /// <summary>
    /// The ordinance this was compiled from. In a law stack its vocabulary is the one the laws share: build
    /// scenarios with it.
    /// </summary>
    public Ordinance Ordinance { get; }

    /// <summary>The higher laws it is stacked under; empty when compiled alone.</summary>
    public ImmutableArray<Ordinance> HigherLaws { get; }

    /// <summary>The joins the compiled network makes, which the evaluation budget counts.</summary>
    internal ImmutableArray<JoinPlan> Joins { get; }

    /// <summary>The yes/no fields with a vocabulary default that some condition reads: the defaults a report may list as applied.</summary>
    internal IReadOnlySet<(string Type, string Field)> DefaultsRead { get; init; } = new HashSet<(string Type, string Field)>();

    /// <summary>The recurring duties, whose periods each evaluation generates and inserts beside the scenario's facts.</summary>
    internal ImmutableArray<RecurringPeriods> Recurrences { get; init; } = [];

    /// <summary>How many NRules rules the ordinance compiled into.</summary>
    public int RuleCount { get; }

    /// <summary>Evaluates a scenario as of an instant.</summary>
    /// <param name="scenario">The scenario; its facts must use this ordinance's vocabulary.</param>
    /// <param name="asOf">The instant to judge at: obligations whose deadline has not passed by then are pending.</param>
    /// <returns>The report: one finding per provision and matching set of facts.</returns>
    public ComplianceReport Evaluate(Scenario scenario, DateTimeOffset asOf) => Evaluate(scenario, asOf, EvaluationOptions.Default);

    /// <summary>Evaluates a scenario as of an instant, under chosen readings.</summary>
    /// <param name="scenario">The scenario; its facts must use this ordinance's vocabulary.</param>
    /// <param name="asOf">The instant to judge at: obligations whose deadline has not passed by then are pending.</param>
    /// <param name="options">Which readings to take, and whether to explain; null for the defaults.</param>
    /// <returns>The report: one finding per provision and matching set of facts.</returns>
    /// <exception cref="ArgumentException">The options name a reading or an alternative the ordinance does not declare.</exception>
    /// <exception cref="OrdinanceDiagnosticException">
    /// The evaluation could not finish: it would exceed a budget of <see cref="Limits"/>, or a value it computed went out of
    /// range; <see cref="TryEvaluate(Scenario, DateTimeOffset, EvaluationOptions?)"/> returns these as diagnostics instead.
    /// </exception>
    public ComplianceReport Evaluate(Scenario scenario, DateTimeOffset asOf, EvaluationOptions? options) =>
        TryEvaluate(scenario, asOf, options).GetValueOrThrow();

    /// <summary>
    /// Evaluates a scenario as of an instant, under chosen readings, or says why the evaluation could not finish: it
    /// would exceed a budget of <see cref="Limits"/> (combinations of facts, facts × rules), or a value it computed went
    /// out of range (an instant plus a duration past the last instant), each a diagnostic naming the provision and the facts.
    /// </summary>
    /// <param name="scenario">The scenario; its facts must use this ordinance's vocabulary.</param>
    /// <param name="asOf">The instant to judge at.</param>
    /// <param name="options">Which readings to take, and whether to explain; null for the defaults.</param>
    /// <returns>The report, or the problems.</returns>
    /// <exception cref="ArgumentException">The scenario was built with another vocabulary, or the options name a reading the ordinance does not declare.</exception>
    public Result<ComplianceReport> TryEvaluate(Scenario scenario, DateTimeOffset asOf, EvaluationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Evaluator.TryRun(this, Factory, scenario, asOf, options ?? EvaluationOptions.Default);
    }

    /// <summary>Evaluates a scenario as of the instant the scenario names.</summary>
    /// <param name="scenario">The scenario, with <see cref="Scenario.AsOf"/> set.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The scenario names no as-of instant.</exception>
    public ComplianceReport Evaluate(Scenario scenario) => Evaluate(scenario, EvaluationOptions.Default);

    /// <summary>Evaluates a scenario as of the instant the scenario names, under chosen readings.</summary>
    /// <param name="scenario">The scenario, with <see cref="Scenario.AsOf"/> set.</param>
    /// <param name="options">Which readings to take, and whether to explain; null for the defaults.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The scenario names no as-of instant.</exception>
    public ComplianceReport Evaluate(Scenario scenario, EvaluationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var asOf = scenario.AsOf ?? throw new ArgumentException($"Scenario '{scenario.Name}' names no as-of instant; pass one.", nameof(scenario));
        return Evaluate(scenario, asOf, options);
    }
}
