using System.Collections.Immutable;
using OrdinanceRules.Facts;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Explanations;

/// <summary>A value tried for an unknown field, and what the finding became.</summary>
/// <param name="Value">The value, as scenario YAML writes it: <c>yes</c>, <c>no</c>, or an enumeration value.</param>
/// <param name="After">The finding of the same provision on the same facts under that value; null when it has none.</param>
public sealed record TriedValue(string Value, Finding? After);

/// <summary>One unknown an undetermined finding depends on, and the outcome under each value tried for it.</summary>
/// <param name="Finding">The undetermined finding.</param>
/// <param name="Unknown">The unknown as the finding names it, such as <c>threat t-1: specificity</c>.</param>
/// <param name="FactId">The fact whose field is unknown; null when the unknown is not a field (such as whether further facts exist).</param>
/// <param name="Field">The unknown field; null likewise.</param>
/// <param name="Tried">
/// The values tried, in order: for a yes/no field, yes then no; for an enumeration, each of its values. Empty for
/// other kinds (numbers, instants, durations, text, references, sets), whose values cannot be listed, and for unknowns
/// that are not fields; try those with <see cref="ScenarioEdit"/>.
/// </param>
public sealed record UnknownOutcomes(Finding Finding, string Unknown, string? FactId, string? Field, ImmutableArray<TriedValue> Tried)
{
    /// <summary>
    /// Whether the field is sensitive (<see cref="FieldDefinition.Sensitive"/>) and its values were not tried, because
    /// <see cref="EvaluationOptions.ShowSensitive"/> is off; <see cref="Tried"/> is then empty.
    /// </summary>
    public bool Redacted { get; init; }
}

/// <summary>A finding that differs between two evaluations: its status or its reason changed, or it appeared or went.</summary>
/// <param name="ProvisionId">The provision.</param>
/// <param name="Facts">The facts the finding is about.</param>
/// <param name="Before">The finding before; null when it is new.</param>
/// <param name="After">The finding after; null when it went.</param>
public sealed record FindingChange(string ProvisionId, ImmutableArray<FactBinding> Facts, Finding? Before, Finding? After);

/// <summary>
/// What-if analysis: re-evaluates a scenario with changed facts (each a new scenario built by <see cref="ScenarioEdit"/>
/// and a fresh evaluation) and says what changes.
/// </summary>
public static class WhatIf
{
    /// <summary>
    /// For each <see cref="FindingStatus.Undetermined"/> finding, each unknown it depends on, with the finding under
    /// each value tried for it (see <see cref="UnknownOutcomes.Tried"/>). Each value is one fresh evaluation.
    /// </summary>
    /// <param name="ordinance">The compiled ordinance.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="asOf">The instant to judge at.</param>
    /// <param name="options">The readings; null for the defaults.</param>
    /// <returns>The unknowns, in report order.</returns>
    public static ImmutableArray<UnknownOutcomes> Unknowns(CompiledOrdinance ordinance, Scenario scenario, DateTimeOffset asOf, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= EvaluationOptions.Default;
        var report = ordinance.Evaluate(scenario, asOf, options);
        var fields = UnknownFields(scenario);
        var reports = new Dictionary<(string, string, string), ComplianceReport>();
        var result = ImmutableArray.CreateBuilder<UnknownOutcomes>();
        foreach (var finding in report.Findings.Where(f => f.Status == FindingStatus.Undetermined))
        {
            foreach (var unknown in finding.Unknowns)
            {
                if (!fields.TryGetValue(unknown, out var at))
                {
                    result.Add(new UnknownOutcomes(finding, unknown, null, null, []));
                    continue;
                }

                var tried = ImmutableArray.CreateBuilder<TriedValue>();
                if (Redaction.IsHidden(at.Definition, options.ShowSensitive))
                {
                    // Trying each value of a sensitive field would print what each status or detail would do to this person's finding.
                    result.Add(new UnknownOutcomes(finding, unknown, at.Fact.Id, at.Definition.Name, []) { Redacted = true });
                    continue;
                }

                foreach (var value in Candidates(at.Definition))
                {
                    if (!reports.TryGetValue((at.Fact.Id, at.Definition.Name, value), out var after))
                    {
                        var changed = new ScenarioEdit(scenario, ordinance.Ordinance.Vocabulary, ordinance.Ordinance.Jurisdiction.TimeZone)
                            .SetText(at.Fact.Id, at.Definition.Name, value)
                            .Build();
                        reports[(at.Fact.Id, at.Definition.Name, value)] = after = ordinance.Evaluate(changed, asOf, options);
                    }

                    tried.Add(new TriedValue(value, Same(after, finding)));
                }

                result.Add(new UnknownOutcomes(finding, unknown, at.Fact.Id, at.Definition.Name, tried.ToImmutable()));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The findings whose status or reason differ between two reports of one ordinance, in the order of <paramref name="after"/>, then those that went.</summary>
    /// <param name="before">The report before the change.</param>
    /// <param name="after">The report after it.</param>
    /// <returns>The changes; empty when nothing differs.</returns>
    public static ImmutableArray<FindingChange> Changes(ComplianceReport before, ComplianceReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = ImmutableArray.CreateBuilder<FindingChange>();
        foreach (var finding in after.Findings)
        {
            var earlier = Same(before, finding);
            if (earlier is null || earlier.Status != finding.Status || earlier.Reason != finding.Reason)
            {
                changes.Add(new FindingChange(finding.ProvisionId, finding.Facts, earlier, finding));
            }
        }

        foreach (var finding in before.Findings.Where(f => Same(after, f) is null))
        {
            changes.Add(new FindingChange(finding.ProvisionId, finding.Facts, finding, null));
        }

        return changes.ToImmutable();
    }

    /// <summary>The finding of a report about the same provision and the same facts.</summary>
    internal static Finding? Same(ComplianceReport report, Finding finding) =>
        report.Findings.FirstOrDefault(f => f.ProvisionId == finding.ProvisionId && f.Facts.SequenceEqual(finding.Facts));

    /// <summary>
    /// Every field the scenario states as unknown, by the name an unknown value carries (the condition runtime names an
    /// unknown field <c>type id: field</c>), so a finding's unknowns map back to facts and fields without parsing them.
    /// </summary>
    internal static Dictionary<string, (Fact Fact, FieldDefinition Definition)> UnknownFields(Scenario scenario)
    {
        var fields = new Dictionary<string, (Fact, FieldDefinition)>(StringComparer.Ordinal);
        foreach (var fact in scenario.Facts)
        {
            for (var i = 0; i < fact.Type.Fields.Length; i++)
            {
                if (fact.RawAt(i) is UnknownMarker || (fact.Omits(i) && fact.Type.Fields[i].Default is null))
                {
                    fields[Conditions.Ops.UnknownName(fact, fact.Type.Fields[i].Name).Display] = (fact, fact.Type.Fields[i]);
                }
            }
        }

        return fields;
    }

    /// <summary>The values of a field that can be listed and tried: yes then no, or an enumeration's values; none for other kinds.</summary>
    internal static IEnumerable<string> Candidates(FieldDefinition field) => field.Type.Kind switch
    {
        FieldKind.YesNo => ["yes", "no"],
        FieldKind.Enumeration => field.Type.Values,
        _ => [],
    };
}
