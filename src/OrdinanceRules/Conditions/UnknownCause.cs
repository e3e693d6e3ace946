using System.Collections.Immutable;

namespace OrdinanceRules.Conditions;

/// <summary>
/// What a value is unknown because of: a field of a fact, by the fact's type, its id and the field's name (a field stated
/// <c>unknown</c>, or left out with no default); or, for what no single field holds (the time of law, a calendar that does
/// not cover a year, whether further facts of a type exist), a reason in words. Immutable and equal by value; the rules
/// carry it as it is, and <see cref="Display"/>, the one wording of it, is read only where findings and explanations are
/// written (and by what-if and the interview, which look a finding's unknowns back up in the scenario).
/// </summary>
internal sealed record UnknownCause : IComparable<UnknownCause>
{
    private UnknownCause(string? factType, string? factId, string? field, string display)
    {
        FactType = factType;
        FactId = factId;
        Field = field;
        Display = display;
    }

    /// <summary>For a field: the fact's type; null for a reason in words.</summary>
    public string? FactType { get; }

    /// <summary>For a field: the fact's id; null for a reason in words.</summary>
    public string? FactId { get; }

    /// <summary>For a field: the field's name; null for a reason in words.</summary>
    public string? Field { get; }

    /// <summary>Whether this names a field of a fact rather than a reason in words.</summary>
    public bool IsField => Field is not null;

    /// <summary>How findings and explanations word it, such as <c>threat t1: specificity</c>.</summary>
    public string Display { get; }

    /// <summary>A field of a fact whose value is unknown.</summary>
    public static UnknownCause OfField(string factType, string factId, string field) =>
        new(factType, factId, field, $"{factType} {factId}: {field}");

    /// <summary>An unknown that no single field holds, worded as a reason.</summary>
    public static UnknownCause Because(string reason) => new(null, null, null, reason);

    /// <summary>A reason in words is an unknown (<see cref="Because"/>).</summary>
    public static implicit operator UnknownCause(string reason) => Because(reason);

    /// <summary>The wordings of unknowns, in their order: what a finding's <c>Unknowns</c> holds.</summary>
    public static ImmutableArray<string> Words(ImmutableArray<UnknownCause> causes)
    {
        if (causes.IsDefaultOrEmpty)
        {
            return [];
        }

        var words = new string[causes.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = causes[i].Display;
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(words);
    }

    /// <summary>Unknowns joined for a sentence: <c>a; b</c>.</summary>
    public static string Join(IEnumerable<UnknownCause> causes) => string.Join("; ", causes.Select(c => c.Display));

    /// <summary>The distinct unknowns of several lists, in the order of their wordings (ordinal).</summary>
    public static ImmutableArray<UnknownCause> Union(IEnumerable<ImmutableArray<UnknownCause>> lists)
    {
        List<UnknownCause>? all = null;
        foreach (var list in lists)
        {
            if (!list.IsDefaultOrEmpty)
            {
                (all ??= []).AddRange(list);
            }
        }

        return all is null ? [] : [.. all.Distinct().Order()];
    }

    /// <inheritdoc/>
    public bool Equals(UnknownCause? other) =>
        other is not null && (ReferenceEquals(this, other) || (FactType == other.FactType && FactId == other.FactId && Field == other.Field && Display == other.Display));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(FactType, FactId, Field, Display);

    /// <summary>Ordered by wording (ordinal), the order findings list their unknowns in.</summary>
    public int CompareTo(UnknownCause? other) => other is null ? 1 : string.CompareOrdinal(Display, other.Display);

    /// <inheritdoc/>
    public override string ToString() => Display;
}
