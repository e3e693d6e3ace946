using System.Collections.Immutable;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>
/// Which provisions test which other provisions' findings (<c>violated('P1a', a)</c>), checked before any rule is
/// built: a finding test stands only where the compiled rules can collect the outcomes it reads, and no provision
/// rests on its own findings, directly or through others (its rules would feed themselves).
/// </summary>
internal static class FindingGraph
{
    /// <summary>The provisions of a stack a finding test may name, each with the fact types its findings bind.</summary>
    public static IReadOnlyDictionary<string, ImmutableArray<string>> Targets(IReadOnlyList<Ordinance> laws)
    {
        var targets = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var provision in laws.SelectMany(l => l.Provisions))
        {
            var bound = provision.For.SelectMany(b => b.FactTypes);
            if (provision.Modality != Modality.Obligation && provision.ViolatedWhen is { } breach)
            {
                bound = bound.Concat(breach.For.SelectMany(b => b.FactTypes));
            }

            targets.TryAdd(provision.Id, [.. bound.Distinct(StringComparer.Ordinal)]);
        }

        return targets;
    }

    /// <summary>Reports finding tests where none may stand, and every cycle of provisions that rest on one another; true when there is none.</summary>
    public static bool Check(ImmutableArray<ProvisionNode> nodes, List<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var edges = new Dictionary<string, List<(string Target, ConditionSource Condition, FindingReference Reference)>>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var list = edges[node.Id] = [];
            foreach (var (condition, allowed) in Conditions(node))
            {
                foreach (var reference in condition.FindingReferences)
                {
                    if (!allowed)
                    {
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.ConditionType,
                            $"in {condition.Context}: violated() can only stand in a provision's match, applies-when or violated-when, or an exception's when",
                            condition.Locate(reference.Call.Pos)));
                        continue;
                    }

                    list.Add((reference.ProvisionId, condition, reference));
                }
            }
        }

        // Depth-first, in the ordinance's order: a back edge closes a cycle, reported once, at the test that closes it.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        void Visit(string id)
        {
            state[id] = 1;
            path.Add(id);
            foreach (var (target, condition, reference) in edges.TryGetValue(id, out var tested) ? tested : [])
            {
                if (state.GetValueOrDefault(target) == 1)
                {
                    var cycle = path.Skip(path.IndexOf(target)).Append(target).ToList();
                    if (reported.Add(string.Join(' ', cycle.Skip(1).Order(StringComparer.Ordinal))))
                    {
                        diagnostics.Add(new Diagnostic(DiagnosticCodes.FindingCycle,
                            $"in {condition.Context}: the provisions rest on their own findings ({string.Join(" → ", cycle)}); a provision may test only findings that do not depend on it",
                            condition.Locate(reference.Call.Pos)));
                    }
                }
                else if (state.GetValueOrDefault(target) == 0 && edges.ContainsKey(target))
                {
                    Visit(target);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[id] = 2;
        }

        foreach (var node in nodes)
        {
            if (state.GetValueOrDefault(node.Id) == 0)
            {
                Visit(node.Id);
            }
        }

        return diagnostics.Count == before;
    }

    /// <summary>Every condition of a provision and its exceptions, with whether a finding test may stand in it.</summary>
    private static IEnumerable<(ConditionSource Condition, bool Allowed)> Conditions(ProvisionNode node)
    {
        IEnumerable<(ConditionSource?, bool)> Own()
        {
            yield return (node.Match, true);
            yield return (node.AppliesWhen, true);
            yield return (node.ViolatedWhen, true);
            yield return (node.EventTime, false);
            yield return (node.MetBy, false);
            yield return (node.MetAt, false);
            yield return (node.DeadlineFrom, false);
            yield return (node.DeadlineDue, false);
            yield return (node.DeadlineInclusive, false);
            var pending = new Stack<ExceptionNode>(node.Children);
            while (pending.TryPop(out var exception))
            {
                yield return (exception.When, exception.Prevailing is null);
                yield return (exception.LapseAt, false);
                yield return (exception.LapseIf, false);
                foreach (var child in exception.Children)
                {
                    pending.Push(child);
                }
            }
        }

        return Own().Where(c => c.Item1 is not null).Select(c => (c.Item1!, c.Item2));
    }
}
