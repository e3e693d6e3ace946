using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>The kind of value a <see cref="Parameter"/> holds.</summary>
public enum ParameterKind
{
    /// <summary>Yes or no (a <see cref="bool"/>), such as whether a judicial warrant is an exception.</summary>
    YesNo,

    /// <summary>A decimal number (a <see cref="decimal"/>).</summary>
    Number,

    /// <summary>An amount of elapsed time (a <see cref="TimeSpan"/>), such as the hours of a notice duty.</summary>
    Duration,

    /// <summary>Free text (a <see cref="string"/>).</summary>
    Text,

    /// <summary>A list of free texts (an <see cref="ImmutableArray{T}"/> of strings), such as the ids of the agencies bound.</summary>
    TextList,

    /// <summary>One of <see cref="Parameter.Choices"/> (a <see cref="string"/>).</summary>
    Choice,

    /// <summary>Any number of <see cref="Parameter.Choices"/> (an <see cref="ImmutableArray{T}"/> of strings), such as the exceptions adopted.</summary>
    ChoiceSet,
}

/// <summary>
/// A value an ordinance fixes for all its evaluations, which conditions read with <c>param('name')</c>: a
/// model ordinance declares it with a default, and an ordinance that extends the model may set it
/// (the hours of notice, the department bound, the exceptions adopted).
/// </summary>
/// <remarks>
/// Unlike a <see cref="Reading"/>, which an evaluation may switch, a parameter is part of the law as
/// adopted: a city's council chose its value. Conditions are type-checked against <see cref="Kind"/>.
/// A value is a <see cref="bool"/>, <see cref="decimal"/>, <see cref="TimeSpan"/>, <see cref="string"/>
/// or <see cref="ImmutableArray{T}"/> of strings, as <see cref="Kind"/> says.
/// </remarks>
public sealed record Parameter
{
    /// <summary>The parameter's name, such as <c>notice-within</c>: letters, digits and '-'.</summary>
    public required string Name { get; init; }

    /// <summary>What the parameter decides, in a sentence.</summary>
    public required string Description { get; init; }

    /// <summary>The kind of value it holds.</summary>
    public required ParameterKind Kind { get; init; }

    /// <summary>For <see cref="ParameterKind.Choice"/> and <see cref="ParameterKind.ChoiceSet"/>: the allowed values; otherwise empty.</summary>
    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>The value the declaring ordinance gives it.</summary>
    public required object Default { get; init; }

    /// <summary>The value an extending ordinance set, or null when it keeps <see cref="Default"/>.</summary>
    public object? Value { get; init; }

    /// <summary>The value in force: <see cref="Value"/> when set, else <see cref="Default"/>.</summary>
    public object Effective => Value ?? Default;

    /// <summary>The citation of the ordinance that declared the parameter, such as a model ordinance's.</summary>
    public string? DeclaredBy { get; init; }

    /// <summary>Where the parameter was declared.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Where an extending ordinance set its value, when it did.</summary>
    public SourceLocation? SetAt { get; init; }

    /// <summary>Whether <paramref name="value"/> is a value of this parameter's kind (and, for choices, one of <see cref="Choices"/>).</summary>
    /// <param name="value">The candidate value.</param>
    /// <returns>True when it fits.</returns>
    public bool Accepts(object? value) => (Kind, value) switch
    {
        (ParameterKind.YesNo, bool) => true,
        (ParameterKind.Number, decimal) => true,
        (ParameterKind.Duration, TimeSpan) => true,
        (ParameterKind.Text, string) => true,
        (ParameterKind.TextList, ImmutableArray<string> list) => !list.IsDefault,
        (ParameterKind.Choice, string choice) => Choices.Contains(choice, StringComparer.Ordinal),
        (ParameterKind.ChoiceSet, ImmutableArray<string> set) => !set.IsDefault && set.All(s => Choices.Contains(s, StringComparer.Ordinal)),
        _ => false,
    };
}

/// <summary>
/// Where a provision of an ordinance that extends another came from: the base ordinance's citation and
/// the section the provision has there. Reports show it beside the adopting ordinance's own citation.
/// </summary>
/// <param name="Citation">The base ordinance's citation, such as "ACLU of Kansas model ordinance".</param>
/// <param name="Section">The provision's section in the base, such as <c>Rule 1</c>.</param>
/// <param name="Replaced">True when the adopting ordinance replaced the base's provision with its own text of the same id.</param>
public sealed record ProvisionOrigin(string Citation, string Section, bool Replaced = false)
{
    /// <summary>The origin in words, such as "from ACLU of Kansas model ordinance, Rule 1".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{(Replaced ? "replaces" : "from")} {Citation}, {Section}";
}
