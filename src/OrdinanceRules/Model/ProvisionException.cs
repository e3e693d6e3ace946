using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// An exception to a provision, or to another exception: when its test holds, it defeats what it is an
/// exception to. Exceptions can carry exceptions of their own, to any depth; a deeper exception takes
/// precedence over the one it excepts.
/// </summary>
public sealed record ProvisionException
{
    /// <summary>A short id, unique in the ordinance, such as <c>E2a</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The citation, such as <c>§ 3(b)(1)</c>.</summary>
    public required string Section { get; init; }

    /// <summary>A short title, such as "Specific threat to public safety".</summary>
    public required string Title { get; init; }

    /// <summary>The exception's wording.</summary>
    public string? Text { get; init; }

    /// <summary>When the exception holds.</summary>
    public required FactTest When { get; init; }

    /// <summary>Exceptions to this exception.</summary>
    public ImmutableArray<ProvisionException> Exceptions { get; init; } = [];

    /// <summary>Where the exception was written.</summary>
    public SourceLocation? Location { get; init; }
}
