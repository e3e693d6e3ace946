using System.Collections.Immutable;
using NRules;
using OrdinanceRules.Compilation;
using OrdinanceRules.Conditions;
using OrdinanceRules.Explanations;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Evaluation;

/// <summary>Runs one scenario through a fresh NRules session and reads the outcomes the rules inferred.</summary>
internal static class Evaluator
{
    public static ComplianceReport Run(CompiledOrdinance compiled, ISessionFactory factory, Scenario scenario, DateTimeOffset asOf, EvaluationOptions options)
    {
        var ordinance = compiled.Ordinance;
        foreach (var fact in scenario.Facts)
        {
            if (!ordinance.Vocabulary.TryGetType(fact.Type.Name, out var type) || !ReferenceEquals(type, fact.Type))
            {
                throw new ArgumentException(
                    $"Fact '{fact.Id}' was built with another vocabulary than {ordinance.Citation}'s; build the scenario with the ordinance's Vocabulary.",
                    nameof(scenario));
            }
        }

        var laws = compiled.HigherLaws.Insert(0, ordinance);
        var readings = ResolveReadings(laws, options);
        var session = factory.CreateSession();
        var recorder = options.Explain ? SessionRecorder.Attach(session) : null;
        session.InsertAll(scenario.Facts);
        session.Insert(new EvaluationContext(asOf, [.. readings.Select(r => r.Alternative)]));
        foreach (var type in scenario.UnknownTypes)
        {
            session.Insert(new UnknownExistence(type));
        }

        session.Fire();

        var clock = JurisdictionClock.For(ordinance.Jurisdiction.TimeZone);
        var writer = new FindingWriter(clock, asOf);
        var conflicts = session.Query<ConflictConclusion>().ToList()
            .Select(writer.Write)
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
            Findings = [.. findings.Select(x => x.Finding)],
            Explanations = explanations,
            Conflicts = conflicts,
            ContentHash = compiled.ContentHash,
            InputDigest = Digests.Of(scenario),
        };
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
}
