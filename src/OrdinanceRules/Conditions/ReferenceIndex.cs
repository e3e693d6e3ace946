using OrdinanceRules.Facts;

namespace OrdinanceRules.Conditions;

/// <summary>
/// One evaluation's facts by type, and, for each reference field a rule follows backwards, which facts refer to
/// which (and which leave the reference unknown). Built lazily, once per field, in one pass over the facts, so that
/// a join on <c>x.ref == y</c> costs one look-up per tuple instead of a comparison with every fact.
/// </summary>
/// <remarks>An NRules session fires on one thread; the index is used by that session only.</remarks>
internal sealed class ReferenceIndex(IReadOnlyList<Fact> facts)
{
    private readonly Dictionary<string, Fact[]> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, int Field), Referrers> _referrers = [];

    /// <summary>The facts of a type, in scenario order.</summary>
    public Fact[] OfType(string type)
    {
        if (!_byType.TryGetValue(type, out var found))
        {
            _byType[type] = found = [.. facts.Where(f => f.Type.Name == type)];
        }

        return found;
    }

    /// <summary>The facts of a type whose reference field refers to the target, or whose reference is unknown.</summary>
    public Fact[] ReferringOrUnknown(string type, int field, Fact? target)
    {
        var referrers = Of(type, field);
        var referring = target is not null && referrers.ByTarget.TryGetValue(target, out var list) ? list : null;
        return (referring, referrers.Unknown) switch
        {
            (null, []) => [],
            (null, var unknown) => unknown,
            (var known, []) => known.ToArray(),
            (var known, var unknown) => [.. known, .. unknown],
        };
    }

    private Referrers Of(string type, int field)
    {
        if (_referrers.TryGetValue((type, field), out var referrers))
        {
            return referrers;
        }

        var byTarget = new Dictionary<Fact, List<Fact>>(ReferenceEqualityComparer.Instance);
        var unknown = new List<Fact>();
        foreach (var fact in OfType(type))
        {
            switch (fact.RawAt(field))
            {
                case Fact target:
                    if (!byTarget.TryGetValue(target, out var list))
                    {
                        byTarget[target] = list = [];
                    }

                    list.Add(fact);
                    break;
                case UnknownMarker:
                    unknown.Add(fact);
                    break;
                case null when fact.Type.Fields[field].Default is null:
                    // Left out, with no default: a condition reads it as unknown.
                    unknown.Add(fact);
                    break;
            }
        }

        return _referrers[(type, field)] = new Referrers(byTarget, [.. unknown]);
    }

    private sealed record Referrers(Dictionary<Fact, List<Fact>> ByTarget, Fact[] Unknown);
}

/// <summary>
/// How a rule finds the candidates for one variable by following references instead of joining every fact of its
/// type: each path is a test <c>y == x.ref</c> (forward: the value is the fact y must be) or <c>y.field == x</c>
/// (backward: the facts whose field refers to the value). Several paths are a disjunction; their candidates are
/// united. The candidates are a superset of the facts for which the condition is not false (an unknown reference
/// keeps every fact of the type in play), and the whole condition is still tested on each, so the three-valued
/// outcome is the one a full join would give.
/// </summary>
internal sealed class FactLookup(string type, int[] reverseFields)
{
    /// <summary>Marks a forward path in <see cref="ReverseFields"/>.</summary>
    public const int Forward = -1;

    /// <summary>The variable's fact type.</summary>
    public string Type { get; } = type;

    /// <summary>For each path, the reference field followed backwards, or <see cref="Forward"/>.</summary>
    public int[] ReverseFields { get; } = reverseFields;

    /// <summary>The candidate facts, given each path's value.</summary>
    public Fact[] Find(EvaluationContext context, Val[] values)
    {
        if (values.Length == 1)
        {
            return Find(context.Index, ReverseFields[0], values[0]);
        }

        var seen = new HashSet<Fact>(ReferenceEqualityComparer.Instance);
        var found = new List<Fact>();
        for (var i = 0; i < values.Length; i++)
        {
            foreach (var fact in Find(context.Index, ReverseFields[i], values[i]))
            {
                if (seen.Add(fact))
                {
                    found.Add(fact);
                }
            }
        }

        return [.. found];
    }

    private Fact[] Find(ReferenceIndex index, int field, Val value)
    {
        if (value.IsUnknown)
        {
            return index.OfType(Type);
        }

        var target = value.Reference as Fact;
        if (field == Forward)
        {
            return target is not null && target.Type.Name == Type ? [target] : [];
        }

        return index.ReferringOrUnknown(Type, field, target);
    }
}
