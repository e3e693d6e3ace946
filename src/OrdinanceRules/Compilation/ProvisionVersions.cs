using System.Collections.Immutable;
using System.Globalization;
using System.Linq.Expressions;
using OrdinanceRules.Conditions;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

/// <summary>One version of a provision as the compiler sees it: its period (the end resolved) and its bound conditions.</summary>
/// <param name="Index">Its place in the provision's <see cref="Provision.Versions"/>, as written.</param>
/// <param name="Model">The version as written.</param>
/// <param name="Until">The first day no longer in force: its own, else the next version's first day; null for no end.</param>
internal sealed record VersionNode(int Index, ProvisionVersion Model, DateOnly? Until)
{
    /// <summary>Its applies-when, bound; null for the provision's.</summary>
    public ConditionSource? AppliesWhen { get; set; }

    /// <summary>Its violated-when, bound; null for the provision's.</summary>
    public ConditionSource? ViolatedWhen { get; set; }

    /// <summary>The period in words, such as "from 2022-07-01" or "from 2020-12-21 until 2022-07-01".</summary>
    public string Period => $"{(Model.From is { } from ? $"from {ProvisionVersions.Day(from)}" : "from the ordinance's effective date")}{(Until is { } until ? $" until {ProvisionVersions.Day(until)}" : string.Empty)}";
}

/// <summary>
/// The versions of a provision in date order, checked (periods that do not overlap, a start before each end), and
/// the expression that picks a version's condition by the event's time, so that the verdict rule evaluates the
/// wording in force.
/// </summary>
internal static class ProvisionVersions
{
    /// <summary>The provision's versions in date order with their ends resolved, reporting every problem with them.</summary>
    public static ImmutableArray<VersionNode> Resolve(Provision provision, List<Diagnostic> diagnostics)
    {
        if (provision.Versions.IsEmpty)
        {
            return [];
        }

        var where = $"provision {provision.Id}";
        if (provision.EventTime is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"{where} has versions but no event-time: give 'event-time' (such as a.start) so each event is judged by the version in force then", provision.Location));
        }

        if (provision.InForce is not null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"{where} has both 'in-force' and 'versions': give the period on each version instead (its 'from' and 'until')", provision.Location));
        }

        var ordered = provision.Versions.Select((v, i) => (Version: v, Index: i)).OrderBy(x => x.Version.From ?? DateOnly.MinValue).ThenBy(x => x.Index).ToList();
        var nodes = ImmutableArray.CreateBuilder<VersionNode>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (version, index) = ordered[i];
            if (version.From is null && i > 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"version {index + 1} of {where} has no 'from': only the first version may start at the ordinance's effective date; give the day it took effect", version.Location ?? provision.Location));
            }

            if (version.From is { } from && version.Until is { } end && end <= from)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"version {index + 1} of {where} ends ({Day(end)}) on or before it starts ({Day(from)}): 'until' is the first day no longer in force", version.Location ?? provision.Location));
            }

            var next = i + 1 < ordered.Count ? ordered[i + 1].Version : null;
            var until = version.Until ?? next?.From;
            if (next is not null && until is { } u && next.From is { } nextFrom && nextFrom < u)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.VersionOverlap,
                    $"the versions of {where} overlap: the version {Start(version)} is in force until {Day(u)}, but the version from {Day(nextFrom)} starts before then, so both would govern {Day(nextFrom)}; end the earlier one with 'until: {Day(nextFrom)}'",
                    next.Location ?? provision.Location));
            }

            nodes.Add(new VersionNode(index, version, until));
        }

        return nodes.ToImmutable();
    }

    /// <summary>
    /// A condition of the version in force at the event's time (the provision's own where the version gives none,
    /// and where no version's text is known): a switch on <see cref="LawPeriod.VersionAt"/>.
    /// </summary>
    public static Expression Select(ProvisionNode node, Expression eventTime, Func<VersionNode, ConditionSource?> own, ConditionSource? shared, Func<ConditionSource, Expression> bind)
    {
        var fallback = shared is null ? Expression.Constant(Val.True) : bind(shared);
        var cases = node.Versions.Where(v => own(v) is not null)
            .Select(v => Expression.SwitchCase(bind(own(v)!), Expression.Constant(v.Index)))
            .ToArray();
        if (cases.Length == 0 || node.Period is null)
        {
            return fallback;
        }

        var index = Expression.Call(Expression.Constant(node.Period), nameof(LawPeriod.VersionAt), null, eventTime);
        return Expression.Switch(index, fallback, cases);
    }

    /// <summary>Whether the provision, or any of its versions, has a condition of this kind.</summary>
    public static bool Any(ProvisionNode node, ConditionSource? shared, Func<VersionNode, ConditionSource?> own) =>
        shared is not null || node.Versions.Any(v => own(v) is not null);

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Start(ProvisionVersion version) => version.From is { } from ? $"from {Day(from)}" : "from the ordinance's effective date";
}
