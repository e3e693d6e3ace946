using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace OrdinanceRules.Benchmarks.HandWritten;

// P2 and P3 written by hand in NRules' fluent DSL, two-valued, at the default readings: what a developer would
// write without OrdinanceRules. The tests of each condition are P2P3's, shared with the plain loop.

/// <summary>The instant judged at, inserted once per session.</summary>
/// <param name="Instant">The instant.</param>
public sealed record AsOf(DateTimeOffset Instant);

/// <summary>P2's breach by an act, before its exceptions are weighed.</summary>
/// <param name="Action">The act.</param>
public sealed record P2Breach(LocalAction Action);

/// <summary>An exception to P2 holds for an act.</summary>
/// <param name="Action">The act.</param>
public sealed record P2Excepted(LocalAction Action);

/// <summary>P3's duty arose on a receipt, with its exceptions weighed and its due instant after any lapse.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Awareness">The receipt.</param>
/// <param name="Excepted">Whether an exception stands.</param>
/// <param name="Due">The due instant.</param>
public sealed record P3Duty(Operation Operation, Awareness Awareness, bool Excepted, DateTimeOffset Due);

/// <summary>Compiles the hand-written rules once and evaluates scenarios against them.</summary>
public static class FluentRules
{
    private static readonly Lazy<ISessionFactory> Factory = new(() =>
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(FluentRules).Assembly).Where(r => r.Name.StartsWith("HandWritten.", StringComparison.Ordinal)));
        return repository.Compile();
    });

    /// <summary>How many rules the hand-written P2 and P3 are.</summary>
    public static int RuleCount
    {
        get
        {
            var repository = new RuleRepository();
            repository.Load(x => x.From(typeof(FluentRules).Assembly).Where(r => r.Name.StartsWith("HandWritten.", StringComparison.Ordinal)));
            return repository.GetRules().Count();
        }
    }

    /// <summary>Compiles the rules afresh (for the compile benchmark).</summary>
    /// <returns>The session factory.</returns>
    public static ISessionFactory Compile()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(FluentRules).Assembly).Where(r => r.Name.StartsWith("HandWritten.", StringComparison.Ordinal)));
        return repository.Compile();
    }

    /// <summary>Evaluates a scenario in a fresh session.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The findings.</returns>
    public static List<HandFinding> Evaluate(HandScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var session = Factory.Value.CreateSession();
        session.InsertAll(scenario.All);
        session.Insert(new AsOf(scenario.AsOf));
        session.Fire();
        return [.. session.Query<HandFinding>()];
    }
}

/// <summary>No act at all: P2 is not applicable.</summary>
[Name("HandWritten.P2NoAct")]
public sealed class P2NoActRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        When().Not<LocalAction>();
        Then().Do(ctx => ctx.Insert(new HandFinding("P2", string.Empty, FindingStatus.NotApplicable)));
    }
}

/// <summary>P2 not in force at the act's time.</summary>
[Name("HandWritten.P2OutOfForce")]
public sealed class P2OutOfForceRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        LocalAction a = null!;
        When().Match(() => a, x => P2P3.OutOfForce(x.Start) != null);
        Then().Do(ctx => ctx.Insert(new HandFinding("P2", a.Id, P2P3.OutOfForce(a.Start)!.Value)));
    }
}

/// <summary>P2 in force but does not apply.</summary>
[Name("HandWritten.P2NotApplicable")]
public sealed class P2NotApplicableRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        LocalAction a = null!;
        When().Match(() => a, x => P2P3.OutOfForce(x.Start) == null, x => !P2P3.P2Applies(x));
        Then().Do(ctx => ctx.Insert(new HandFinding("P2", a.Id, FindingStatus.NotApplicable)));
    }
}

/// <summary>P2 applies and the act helped no one in ICE.</summary>
[Name("HandWritten.P2Complied")]
public sealed class P2CompliedRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        LocalAction a = null!;
        When().Match(() => a, x => P2P3.OutOfForce(x.Start) == null, x => P2P3.P2Applies(x), x => !P2P3.P2Breach(x));
        Then().Do(ctx => ctx.Insert(new HandFinding("P2", a.Id, FindingStatus.Complied)));
    }
}

/// <summary>P2 applies and the act helped ICE.</summary>
[Name("HandWritten.P2Breach")]
[Priority(10)]
public sealed class P2BreachRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        LocalAction a = null!;
        When().Match(() => a, x => P2P3.OutOfForce(x.Start) == null, x => P2P3.P2Applies(x), x => P2P3.P2Breach(x));
        Then().Do(ctx => ctx.Insert(new P2Breach(a)));
    }
}

/// <summary>E2a: a specific threat at the scene.</summary>
[Name("HandWritten.E2a")]
[Priority(5)]
public sealed class E2aRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        P2Breach b = null!;
        Threat t = null!;
        When().Match(() => b).Match(() => t, x => P2P3.E2a(b.Action, x));
        Then().Do(ctx => ctx.TryInsert(new P2Excepted(b.Action)));
    }
}

/// <summary>E2b: a crime in progress.</summary>
[Name("HandWritten.E2b")]
[Priority(5)]
public sealed class E2bRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        P2Breach b = null!;
        Crime c = null!;
        When().Match(() => b).Match(() => c, x => P2P3.E2b(b.Action, x));
        Then().Do(ctx => ctx.TryInsert(new P2Excepted(b.Action)));
    }
}

/// <summary>E2c: the act was legally compelled.</summary>
[Name("HandWritten.E2c")]
[Priority(5)]
public sealed class E2cRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        P2Breach b = null!;
        When().Match(() => b, x => x.Action.LegallyCompelled);
        Then().Do(ctx => ctx.TryInsert(new P2Excepted(b.Action)));
    }
}

/// <summary>A breach with an exception.</summary>
[Name("HandWritten.P2ExceptionApplies")]
public sealed class P2ExceptionAppliesRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        P2Excepted e = null!;
        When().Match(() => e);
        Then().Do(ctx => ctx.Insert(new HandFinding("P2", e.Action.Id, FindingStatus.ExceptionApplies)));
    }
}

/// <summary>A breach with no exception.</summary>
[Name("HandWritten.P2Violated")]
public sealed class P2ViolatedRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        P2Breach b = null!;
        When().Match(() => b).Not<P2Excepted>(x => x.Action == b.Action);
        Then().Do(ctx => ctx.Insert(new HandFinding("P2", b.Action.Id, FindingStatus.Violated)));
    }
}

/// <summary>No receipt about an operation: P3 is not applicable.</summary>
[Name("HandWritten.P3NoReceipt")]
public sealed class P3NoReceiptRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        When().Not<Awareness>(k => k.Operation != null);
        Then().Do(ctx => ctx.Insert(new HandFinding("P3", string.Empty, FindingStatus.NotApplicable)));
    }
}

/// <summary>P3 out of force, or not applicable, for a receipt.</summary>
[Name("HandWritten.P3NotApplicable")]
public sealed class P3NotApplicableRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        Awareness k = null!;
        When().Match(() => k, x => x.Operation != null, x => P2P3.OutOfForce(x.ReceivedAt) != null || !P2P3.P3Applies(x.Operation!, x));
        Then().Do(ctx => ctx.Insert(new HandFinding("P3", $"{k.Operation!.Id}, {k.Id}", P2P3.OutOfForce(k.ReceivedAt) ?? FindingStatus.NotApplicable)));
    }
}

/// <summary>P3's duty arises: its connected crimes weighed (E3, and its lapse).</summary>
[Name("HandWritten.P3Duty")]
[Priority(10)]
public sealed class P3DutyRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        Awareness k = null!;
        AsOf now = null!;
        IEnumerable<Crime> crimes = null!;
        When()
            .Match(() => now)
            .Match(() => k, x => x.Operation != null, x => P2P3.OutOfForce(x.ReceivedAt) == null, x => P2P3.P3Applies(x.Operation!, x))
            .Query(() => crimes, q => q.Match<Crime>(c => P2P3.E3(k.Operation!, k, c)).Collect());
        Then().Do(ctx => ctx.Insert(new P3Duty(
            k.Operation!,
            k,
            crimes.Any(c => !P2P3.E3Lapsed(k.Operation!, c, now.Instant)),
            crimes.Where(c => P2P3.E3Lapsed(k.Operation!, c, now.Instant)).Select(c => c.EndedAt!.Value + P2P3.AlertWithin).Append(k.ReceivedAt!.Value + P2P3.AlertWithin).Max())));
    }
}

/// <summary>P3's duty discharged in time by a public alert (and not excepted).</summary>
[Name("HandWritten.P3Complied")]
public sealed class P3CompliedRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        P3Duty d = null!;
        AsOf now = null!;
        When().Match(() => now).Match(() => d, x => !x.Excepted).Exists<Notice>(n => P2P3.Discharges(d.Operation, n, d.Due, now.Instant));
        Then().Do(ctx => ctx.Insert(new HandFinding("P3", $"{d.Operation.Id}, {d.Awareness.Id}", FindingStatus.Complied)));
    }
}

/// <summary>P3's duty excepted, or not discharged: pending or violated.</summary>
[Name("HandWritten.P3Outstanding")]
public sealed class P3OutstandingRule : Rule
{
    /// <inheritdoc/>
    public override void Define()
    {
        P3Duty d = null!;
        AsOf now = null!;
        When().Match(() => now).Match(() => d).Not<Notice>(n => !d.Excepted && P2P3.Discharges(d.Operation, n, d.Due, now.Instant));
        Then().Do(ctx => ctx.Insert(new HandFinding("P3", $"{d.Operation.Id}, {d.Awareness.Id}", P2P3.DutyStatus(d.Excepted, false, d.Due, now.Instant))));
    }
}
