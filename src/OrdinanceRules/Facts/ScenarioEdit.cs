using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Facts;

/// <summary>
/// A copy of a <see cref="Scenario"/> with some fields changed, built again through a <see cref="ScenarioBuilder"/>
/// so that every value is checked as when the scenario was first built. Mutable and single-use; the scenario it
/// builds is new and immutable, and the original is untouched.
/// </summary>
/// <example>
/// <code>
/// var specific = new ScenarioEdit(scenario, ordinance.Vocabulary, ordinance.Jurisdiction.TimeZone)
///     .SetText("t-1", "specificity", "specific")
///     .Build();
/// </code>
/// </example>
public sealed class ScenarioEdit
{
    private readonly Scenario _scenario;
    private readonly FactVocabulary _vocabulary;
    private readonly string _timeZone;
    private readonly Dictionary<(string FactId, string Field), (object? Value, bool IsUnknown)> _changes = [];
    private readonly List<Diagnostic> _problems = [];
    private bool _showSensitive;

    /// <summary>Starts an edit of a scenario built in a vocabulary.</summary>
    /// <param name="scenario">The scenario to copy.</param>
    /// <param name="vocabulary">The vocabulary its facts use (the ordinance's).</param>
    /// <param name="timeZone">The jurisdiction's IANA zone, for local times without an offset.</param>
    public ScenarioEdit(Scenario scenario, FactVocabulary vocabulary, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(vocabulary);
        _scenario = scenario;
        _vocabulary = vocabulary;
        _timeZone = timeZone;
    }

    /// <summary>Whether the problems <see cref="TryBuild"/> reports may quote values of sensitive fields (see <see cref="ScenarioBuilder.ShowSensitive"/>).</summary>
    /// <param name="show">True for a reader entitled to see them.</param>
    /// <returns>This edit.</returns>
    public ScenarioEdit ShowSensitive(bool show = true)
    {
        _showSensitive = show;
        return this;
    }

    /// <summary>Sets a field to a value, as <see cref="FactBuilder.Set"/> takes it; null makes the field absent.</summary>
    /// <param name="factId">The fact's id.</param>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This edit.</returns>
    public ScenarioEdit Set(string factId, string field, object? value)
    {
        if (Find(factId) is not null)
        {
            _changes[(factId, field)] = (value, false);
        }

        return this;
    }

    /// <summary>States that a field's value is not known.</summary>
    /// <param name="factId">The fact's id.</param>
    /// <param name="field">The field's name.</param>
    /// <returns>This edit.</returns>
    public ScenarioEdit SetUnknown(string factId, string field)
    {
        if (Find(factId) is not null)
        {
            _changes[(factId, field)] = (null, true);
        }

        return this;
    }

    /// <summary>
    /// Sets a field from text written as in scenario YAML: <c>yes</c> or <c>no</c>, a number, an enumeration value,
    /// an instant (<c>2021-07-08T06:20:00-05:00</c>, or a local time read in the zone), a duration (<c>48h</c>), a
    /// fact id for a reference, <c>[a, b]</c> for a set, and <c>unknown</c> for a value not known.
    /// </summary>
    /// <param name="factId">The fact's id.</param>
    /// <param name="field">The field's name.</param>
    /// <param name="text">The value as text.</param>
    /// <returns>This edit.</returns>
    public ScenarioEdit SetText(string factId, string field, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fact = Find(factId);
        if (fact is null)
        {
            return this;
        }

        var index = fact.Type.IndexOf(field);
        text = text.Trim();
        if (index < 0 || text == "unknown")
        {
            // An unknown field name is reported by the builder, with a suggestion.
            _changes[(factId, field)] = (index < 0 ? text : null, index >= 0);
            return this;
        }

        var type = fact.Type.Fields[index].Type;
        object? value = type.Kind switch
        {
            FieldKind.YesNo => text switch
            {
                "yes" or "true" => true,
                "no" or "false" => false,
                _ => text,
            },
            FieldKind.Number => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text,
            FieldKind.EnumerationSet or FieldKind.ReferenceSet => text.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            _ => text,
        };
        _changes[(factId, field)] = (value, false);
        return this;
    }

    /// <summary>Builds the changed scenario, or reports every problem (a fact that does not exist, a bad value).</summary>
    /// <param name="diagnostics">Every problem; empty on success.</param>
    /// <returns>The scenario, or null when there were problems.</returns>
    public Scenario? TryBuild(out IReadOnlyList<Diagnostic> diagnostics)
    {
        var builder = new ScenarioBuilder(_vocabulary, _timeZone).Named(_scenario.Name, _scenario.Description, _scenario.Location).ShowSensitive(_showSensitive);
        if (_scenario.AsOf is { } asOf)
        {
            builder.AsOf(asOf);
        }

        foreach (var fact in _scenario.Facts)
        {
            builder.Fact(fact.Type.Name, fact.Id, f => Copy(fact, f), fact.Location);
        }

        foreach (var type in _scenario.UnknownTypes)
        {
            builder.UnknownWhetherAny(type);
        }

        var built = builder.TryBuild(out var problems);
        diagnostics = [.. _problems, .. problems];
        return diagnostics.Count == 0 ? built : null;
    }

    /// <summary>Builds the changed scenario.</summary>
    /// <returns>The scenario.</returns>
    /// <exception cref="OrdinanceDiagnosticException">A change names a fact that does not exist or gives a bad value; every problem is listed.</exception>
    public Scenario Build() => TryBuild(out var diagnostics) ?? throw new OrdinanceDiagnosticException(diagnostics);

    private Fact? Find(string factId)
    {
        ArgumentNullException.ThrowIfNull(factId);
        var fact = _scenario.FindFact(factId);
        if (fact is null)
        {
            _problems.Add(new Diagnostic(DiagnosticCodes.InvalidFact, $"the scenario has no fact '{factId}'{ScenarioBuilder.Suggest(factId, _scenario.Facts.Select(f => f.Id))}"));
        }

        return fact;
    }

    private void Copy(Fact fact, FactBuilder builder)
    {
        for (var i = 0; i < fact.Type.Fields.Length; i++)
        {
            var name = fact.Type.Fields[i].Name;
            if (_changes.ContainsKey((fact.Id, name)))
            {
                continue;
            }

            switch (fact.RawAt(i))
            {
                case null:
                    break;
                case UnknownMarker:
                    builder.Unknown(name);
                    break;
                case NoneMarker:
                    builder.None(name);
                    break;
                case Fact other:
                    builder.Set(name, other.Id);
                    break;
                case ImmutableArray<string> set:
                    builder.Set(name, set.ToArray());
                    break;
                case ImmutableArray<Fact> references:
                    builder.Set(name, references.Select(r => r.Id).ToArray());
                    break;
                case var value:
                    builder.Set(name, value);
                    break;
            }
        }

        foreach (var ((factId, field), (value, isUnknown)) in _changes.Where(c => c.Key.FactId == fact.Id))
        {
            if (isUnknown)
            {
                builder.Unknown(field);
            }
            else
            {
                builder.Set(field, value);
            }
        }
    }
}
