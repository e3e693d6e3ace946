using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Vocabulary;

/// <summary>A field of a fact type: its name, its type and what it means.</summary>
/// <param name="Name">The field's name, an identifier such as <c>receivedAt</c>.</param>
/// <param name="Type">The field's type.</param>
/// <param name="Description">What the field means, for authors of scenarios.</param>
/// <param name="Location">Where the field was declared, when it came from a file.</param>
public sealed record FieldDefinition(string Name, FieldType Type, string? Description = null, SourceLocation? Location = null)
{
    /// <summary>
    /// Whether the field's values are sensitive (a person's immigration status, citizenship, place of birth,
    /// name or address): every text this library writes shows them as <see cref="Redaction.Placeholder"/>
    /// unless the caller asks to show them (see <see cref="Redaction"/>).
    /// </summary>
    public bool Sensitive { get; init; }

    /// <summary>What each enumeration or set value means, for the values whose meaning was written down; the field's description covers the rest.</summary>
    public ImmutableDictionary<string, string> ValueDescriptions { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>
    /// The value the field takes when a scenario leaves it out: the answer the law or the closed world of records
    /// supplies (<c>default: no</c>, <c>default: none</c> or an enumeration's value in a vocabulary file). Null when
    /// nothing supplies one: an omitted field that a condition reads is then unknown, and a finding that depends on it
    /// names it.
    /// </summary>
    /// <remarks>A report lists the defaults it applied (<see cref="ComplianceReport.DefaultsApplied"/>).</remarks>
    public FieldDefault? Default { get; init; }
}
