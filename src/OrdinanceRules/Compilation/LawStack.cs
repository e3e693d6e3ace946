using System.Runtime.CompilerServices;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Compilation;

/// <summary>
/// The checks of a stack of laws (an ordinance under state and federal law), before <see cref="OrdinanceBinder"/> binds
/// each: one vocabulary they can all share, each higher law of a higher level, reading names and provision ids distinct
/// across the stack, and the declared precedence between them (<see cref="Precedence.Check"/>).
/// </summary>
internal static class LawStack
{
    /// <summary>
    /// The vocabularies already merged, by the two merged: so that every compile of one stack (the same ordinance and
    /// higher laws) shares one vocabulary, and a scenario built for one compile evaluates under another.
    /// </summary>
    private static readonly ConditionalWeakTable<FactVocabulary, ConditionalWeakTable<FactVocabulary, FactVocabulary>> Merged = new();

    /// <summary>A vocabulary with <paramref name="vocabulary"/>'s types and <paramref name="law"/>'s, the same object each time for the same two.</summary>
    private static FactVocabulary? Shared(FactVocabulary vocabulary, FactVocabulary law, out IReadOnlyList<Diagnostic> problems)
    {
        var merged = Merged.GetValue(vocabulary, _ => new ConditionalWeakTable<FactVocabulary, FactVocabulary>());
        if (merged.TryGetValue(law, out var known))
        {
            problems = [];
            return known;
        }

        var extended = vocabulary.Extend(vocabulary.Name, law.Types, out problems);
        return extended is null ? null : merged.GetValue(law, _ => extended);
    }

    /// <summary>The laws of the stack, each rebound to the one shared vocabulary; null when they cannot share one.</summary>
    public static List<Ordinance>? Stack(Ordinance ordinance, IReadOnlyList<Ordinance> higherLaws, List<Diagnostic> diagnostics)
    {
        var vocabulary = ordinance.Vocabulary;
        foreach (var law in higherLaws)
        {
            var extended = Shared(vocabulary, law.Vocabulary, out var problems);
            if (extended is null)
            {
                diagnostics.AddRange(problems.Select(p => p with { Message = $"{law.Citation} and {ordinance.Citation} cannot share a vocabulary: {p.Message}" }));
                return null;
            }

            vocabulary = extended;
        }

        var laws = new List<Ordinance> { ordinance with { Vocabulary = vocabulary } };
        laws.AddRange(higherLaws.Select(l => l with { Vocabulary = vocabulary }));
        foreach (var law in higherLaws.Where(l => l.Jurisdiction.Rank <= ordinance.Jurisdiction.Rank))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"{law.Citation} is stacked above {ordinance.Citation} but is not of a higher level (its jurisdiction's level is {law.Jurisdiction.Level})", law.Location));
        }

        foreach (var dup in laws.SelectMany(l => l.Readings.Select(r => (Law: l, Reading: r))).GroupBy(x => x.Reading.Name).Where(g => g.Count() > 1))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"reading '{dup.Key}' is declared by both {string.Join(" and ", dup.Select(x => x.Law.Citation))}; readings in a stack need distinct names", dup.Last().Reading.Location));
        }

        foreach (var dup in laws.SelectMany(l => l.Provisions.Select(p => (Law: l, Provision: p))).GroupBy(x => x.Provision.Id).Where(g => g.Count() > 1 && g.Select(x => x.Law).Distinct().Count() > 1))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"provision id '{dup.Key}' is used by both {string.Join(" and ", dup.Select(x => x.Law.Citation).Distinct())}; ids in a stack must be distinct", dup.Last().Provision.Location));
        }

        diagnostics.AddRange(Precedence.Check(laws));
        return diagnostics.Count > 0 ? null : laws;
    }
}
