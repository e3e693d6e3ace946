using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// One version of a provision: its wording over a period, so that one clause keeps one id whatever the
/// date. An event is judged by the version in force at its event time; where no version's text is known
/// (a version whose text is unknown, or a gap between two versions), the finding is Undetermined and says so.
/// </summary>
/// <remarks>
/// A version may restate the provision's applies-when and violated-when (its <c>when</c>; the facts it
/// binds stay the provision's); whatever it leaves out is the provision's. Periods must not overlap.
/// </remarks>
public sealed record ProvisionVersion
{
    /// <summary>The first day in force; null (first version only) for the ordinance's effective date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The first day no longer in force; null for the next version's first day, or no end for the last.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Whether the version's wording is known. When it is not, events in its period are Undetermined.</summary>
    public bool TextKnown { get; init; } = true;

    /// <summary>The version's wording (or the paraphrase it rests on); null when the provision's applies.</summary>
    public string? Text { get; init; }

    /// <summary>When the version applies; null for the provision's applies-when.</summary>
    public ConditionText? AppliesWhen { get; init; }

    /// <summary>When the version is breached (over the provision's violated-when facts); null for the provision's.</summary>
    public ConditionText? ViolatedWhen { get; init; }

    /// <summary>Where the wording comes from, such as the amending ordinance.</summary>
    public string? Source { get; init; }

    /// <summary>Where the version was written.</summary>
    public SourceLocation? Location { get; init; }
}
