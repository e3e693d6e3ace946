using System.Collections.Immutable;
using NRules;
using OrdinanceRules.Compilation;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Explanations;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Evaluation;

/// <summary>Runs one scenario through a fresh NRules session and reads the outcomes the rules inferred.</summary>
internal static class Evaluator
{
    /// <summary>Evaluates, or gives the problems that kept the evaluation from finishing: a budget, a value out of range, a fault.</summary>
    /// <exception cref="ArgumentException">The scenario was built with another vocabulary, or the options name an undeclared reading.</exception>
    public static Result<ComplianceReport> TryRun(CompiledOrdinance compiled, ISessionFactory factory, Scenario scenario, DateTimeOffset asOf, EvaluationOptions options)
    {
        var ordinance = compiled.Ordinance;
        CheckVocabulary(ordinance, scenario);
        var laws = compiled.HigherLaws.Insert(0, ordinance);
        var readings = ResolveReadings(laws, options);
        var guard = new EvaluationGuard(laws, compiled.Joins, compiled.Recurrences);
        var problems = guard.Check(scenario, asOf, compiled.RuleCount).ToList();
        if (problems.Count > 0)
        {
            return Result<ComplianceReport>.Failure(problems);
        }

        try
        {
            return Result<ComplianceReport>.Success(Run(compiled, factory, scenario, asOf, options, readings, guard));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Result<ComplianceReport>.Failure([ex is FiringBudgetException
                ? new Diagnostic(DiagnosticCodes.EvaluationBudget, $"the evaluation fired more than {Limits.MaxEvaluationWork:N0} rules without settling; the budget is facts × rules at most {Limits.MaxEvaluationWork:N0}", scenario.Location)
                : guard.Describe(ex, scenario)]);
        }
    }

    private static void CheckVocabulary(Model.Ordinance ordinance, Scenario scenario)
    {
        foreach (var fact in scenario.Facts)
        {
            if (!ordinance.Vocabulary.TryGetType(fact.Type.Name, out var type) || !ReferenceEquals(type, fact.Type))
            {
                throw new ArgumentException(
                    $"Fact '{fact.Id}' was built with another vocabulary than {ordinance.Citation}'s; build the scenario with the ordinance's Vocabulary.",
                    nameof(scenario));
            }
        }
    }

    private static ComplianceReport Run(CompiledOrdinance compiled, ISessionFactory factory, Scenario scenario, DateTimeOffset asOf, EvaluationOptions options, ImmutableArray<AppliedReading> readings, EvaluationGuard guard)
    {
        var ordinance = compiled.Ordinance;
        var session = factory.CreateSession();
        guard.Attach(session);
        var recorder = options.Explain ? SessionRecorder.Attach(session) : null;
        session.InsertAll(scenario.Facts);
        foreach (var recurrence in compiled.Recurrences)
        {
            session.InsertAll(recurrence.Generate(asOf));
        }

        session.Insert(new EvaluationContext(asOf, [.. readings.Select(r => r.Alternative)], new ReferenceIndex(scenario.Facts), [.. scenario.UnknownTypes]));
        foreach (var type in scenario.UnknownTypes)
        {
            session.Insert(new UnknownExistence(type));
        }

        if (session.Fire((int)Limits.MaxEvaluationWork) >= Limits.MaxEvaluationWork && !session.Agenda.IsEmpty)
        {
            throw new FiringBudgetException();
        }

        var clock = JurisdictionClock.For(ordinance.Jurisdiction.TimeZone);
        var writer = new FindingWriter(clock, asOf);
        var conflicts = session.Query<ConflictConclusion>().ToList()
            .Select(FindingWriter.Write)
            .OrderBy(c => c.ProvisionId, StringComparer.Ordinal).ThenBy(c => c.OtherProvisionId, StringComparer.Ordinal)
            .ThenBy(c => string.Join('\u0001', c.Facts.Select(f => f.FactId)), StringComparer.Ordinal)
            .ToImmutableArray();
        var findings = session.Query<Outcome>().ToList()
            .Select(o => (Outcome: o, Finding: writer.Write(o)))
            .OrderBy(x => x.Outcome.Provision.Order)
            .ThenBy(x => string.Join('\u0001', x.Finding.Facts.Select(f => f.FactId)), StringComparer.Ordinal)
            .ThenBy(x => x.Finding.Status)
            .ThenBy(x => string.Join('\u0001', x.Finding.Unknowns), StringComparer.Ordinal)
            .ToList();
        var explanations = recorder is null
            ? []
            : findings.Select(x => new ExplanationBuilder(recorder, clock).Build(x.Outcome, x.Finding)).ToImmutableArray();

        return new ComplianceReport
        {
            Ordinance = ordinance.Citation,
            Title = ordinance.Title,
            Notes = ordinance.Notes,
            Scenario = scenario.Name,
            AsOf = clock.ToLocal(asOf),
            TimeZone = ordinance.Jurisdiction.TimeZone,
            HigherLaws = [.. compiled.HigherLaws.Select(l => l.Citation)],
            Readings = readings,
            DefaultsApplied = DefaultsApplied(compiled, scenario),
            Findings = [.. findings.Select(x => x.Finding)],
            Explanations = explanations,
            Conflicts = conflicts,
            ContentHash = compiled.ContentHash,
            InputDigest = Digests.Of(scenario),
        };
    }

    /// <summary>The omitted yes/no fields of the scenario's facts whose default a condition of the ordinance reads.</summary>
    private static ImmutableArray<AppliedDefault> DefaultsApplied(CompiledOrdinance compiled, Scenario scenario)
    {
        if (compiled.DefaultsRead.Count == 0)
        {
            return [];
        }

        var applied = ImmutableArray.CreateBuilder<AppliedDefault>();
        foreach (var fact in scenario.Facts)
        {
            for (var i = 0; i < fact.Type.Fields.Length; i++)
            {
                var field = fact.Type.Fields[i];
                if (field.Default is { } value && fact.Omits(i) && compiled.DefaultsRead.Contains((fact.Type.Name, field.Name)))
                {
                    applied.Add(new AppliedDefault(fact.Type.Name, fact.Id, field.Name, value));
                }
            }
        }

        return applied.ToImmutable();
    }

    private static ImmutableArray<AppliedReading> ResolveReadings(ImmutableArray<Model.Ordinance> laws, EvaluationOptions options)
    {
        var all = laws.SelectMany(l => l.Readings).ToList();
        foreach (var (name, alternative) in options.Readings)
        {
            var reading = all.FirstOrDefault(r => r.Name == name)
                ?? throw new ArgumentException($"{laws[0].Citation} declares no reading '{name}'; its readings are: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(r => r.Name)))}.", nameof(options));
            if (!reading.Allows(alternative))
            {
                throw new ArgumentException($"'{alternative}' is not an alternative of reading '{name}'; choose one of: {string.Join(", ", reading.Alternatives.Select(a => a.Name))}.", nameof(options));
            }
        }

        return [.. all.Select(r => options.Readings.TryGetValue(r.Name, out var chosen)
            ? new AppliedReading(r.Name, chosen, chosen == r.Default)
            : new AppliedReading(r.Name, r.Default, true))];
    }

    /// <summary>The session fired as many rules as the budget allows and still had more to fire.</summary>
    private sealed class FiringBudgetException : Exception
    {
    }
}
