using System.Collections.Immutable;

namespace OrdinanceRules;

/// <summary>How to evaluate: which alternative to take for each reading the ordinance declares.</summary>
/// <remarks>A reading not named here takes the ordinance's default. Every report names the readings it used.</remarks>
public sealed record EvaluationOptions
{
    /// <summary>The default options: every reading at its default.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>The chosen alternative for each reading, by reading name.</summary>
    public ImmutableDictionary<string, string> Readings { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// Whether to explain each finding (<see cref="ComplianceReport.Explanations"/>). Off by default.
    /// </summary>
    /// <remarks>
    /// When on, the evaluation listens to the NRules session's own events (rule firings, conclusions inserted and
    /// retracted, condition evaluations) and builds each explanation from them; nothing is evaluated twice. When
    /// off, no event is subscribed to and the evaluation costs what it did before.
    /// </remarks>
    public bool Explain { get; init; }

    /// <summary>
    /// Whether texts written from this evaluation may show values of sensitive fields
    /// (<see cref="Vocabulary.FieldDefinition.Sensitive"/>): what-if's tried values, and any other place where
    /// a field's value is written through <see cref="Vocabulary.Redaction"/>. Off by default: only a reader
    /// entitled to see a person's immigration status or personal details should turn it on.
    /// </summary>
    /// <remarks>Findings and explanations name facts by id and fields by name, never by value, so they are the same either way.</remarks>
    public bool ShowSensitive { get; init; }

    /// <summary>Options with one reading set.</summary>
    /// <param name="reading">The reading's name.</param>
    /// <param name="alternative">The alternative's name.</param>
    /// <returns>The new options.</returns>
    public EvaluationOptions WithReading(string reading, string alternative) =>
        this with { Readings = Readings.SetItem(reading, alternative) };
}

/// <summary>A reading as an evaluation used it.</summary>
/// <param name="Name">The reading's name.</param>
/// <param name="Alternative">The alternative used.</param>
/// <param name="IsDefault">Whether it is the ordinance's default.</param>
public sealed record AppliedReading(string Name, string Alternative, bool IsDefault);
