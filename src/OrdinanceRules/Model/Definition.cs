using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// A defined term of an ordinance: a named condition with typed parameters, such as
/// <c>immigration-agency(g: agency)</c>, that any condition of the ordinance may use as a function. Ordinances have
/// a definitions section; each definition cites its own place in it.
/// </summary>
/// <remarks>
/// A definition is bound into each condition that uses it (its body is compiled into the caller's expression), so it
/// keeps the caller's three-valued logic exactly; a definition may use other definitions, but never itself, directly
/// or through others. See docs/conditions.md, "Definitions".
/// </remarks>
public sealed record Definition
{
    /// <summary>The name conditions call it by, such as <c>immigration-agency</c>: letters, digits, '_' and inner '-'.</summary>
    public required string Name { get; init; }

    /// <summary>The parameters, in call order; each a variable name and a fact type (or <c>instant</c>, <c>duration</c>, <c>number</c>, <c>text</c>, <c>yes-no</c>).</summary>
    public ImmutableArray<DefinitionParameter> Parameters { get; init; } = [];

    /// <summary>The citation of the definition, such as <c>§ 2-173-020</c>.</summary>
    public required string Section { get; init; }

    /// <summary>A short title, such as "Immigration agency", when the ordinance gives one.</summary>
    public string? Title { get; init; }

    /// <summary>The definition's wording.</summary>
    public string? Text { get; init; }

    /// <summary>The body: a condition over the parameters (and readings), whose value is the definition's.</summary>
    public required ConditionText Means { get; init; }

    /// <summary>Where the definition was written.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The definition's signature, such as <c>immigration-agency(g: agency)</c>.</summary>
    public string Signature => $"{Name}({string.Join(", ", Parameters.Select(p => $"{p.Name}: {p.Type}"))})";
}

/// <summary>A parameter of a <see cref="Definition"/>.</summary>
/// <param name="Name">The variable its body reads, such as <c>g</c>.</param>
/// <param name="Type">A fact type of the vocabulary, such as <c>agency</c>, or one of <c>instant</c>, <c>duration</c>, <c>number</c>, <c>text</c>, <c>yes-no</c>.</param>
/// <param name="Location">Where the parameter was written.</param>
public sealed record DefinitionParameter(string Name, string Type, SourceLocation? Location = null);
