using RulesEngine.Models;

namespace OrdinanceRules.Benchmarks.HandWritten;

/// <summary>
/// P2 and P3 as Microsoft RulesEngine workflows: each rule an expression over one subject's facts. RulesEngine
/// has no joins, so the facts a subject refers to (its threats and crimes, an operation's crimes and notices) are
/// looked up in C# by reference before its workflow runs, and the status is read off the rules that succeeded.
/// </summary>
public static class RulesEngineRules
{
    private static readonly Lazy<RulesEngine.RulesEngine> Engine = new(Create);

    /// <summary>Builds the engine with both workflows (RulesEngine compiles each rule on first use and caches it).</summary>
    /// <returns>The engine.</returns>
    public static RulesEngine.RulesEngine Create()
    {
        Workflow Workflow(string name, params (string Name, string Expression)[] rules) => new()
        {
            WorkflowName = name,
            Rules = [.. rules.Select(r => new Rule { RuleName = r.Name, Expression = r.Expression, RuleExpressionType = RuleExpressionType.LambdaExpression })],
        };

        var workflows = new[]
        {
            Workflow(
                "P2",
                ("InForce", "P2P3.OutOfForce(a.Start) == null"),
                ("Applies", "P2P3.P2Applies(a)"),
                ("Breach", "P2P3.IsIce(np(a.Beneficiary.Component))"),
                ("E2a", "threats.Any(P2P3.E2a(a, it))"),
                ("E2b", "crimes.Any(P2P3.E2b(a, it))"),
                ("E2c", "a.LegallyCompelled")),
            Workflow(
                "P3",
                ("InForce", "P2P3.OutOfForce(k.ReceivedAt) == null"),
                ("Applies", "P2P3.P3Applies(o, k)"),
                ("Excepted", "crimes.Any(P2P3.E3(o, k, it) && !P2P3.E3Lapsed(o, it, now.Instant))"),
                ("Discharged", "notices.Any(P2P3.Discharges(o, it, due.Instant, now.Instant))"),
                ("Late", "now.Instant > due.Instant")),
        };
        return new RulesEngine.RulesEngine(workflows, new ReSettings { CustomTypes = [typeof(P2P3)] });
    }

    /// <summary>The P2 and P3 findings of a scenario.</summary>
    /// <param name="s">The scenario.</param>
    /// <returns>The findings.</returns>
    public static List<HandFinding> Evaluate(HandScenario s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var engine = Engine.Value;
        var findings = new List<HandFinding>();
        var (threatsByAction, threatsByOperation, crimesByAction, crimesByOperation, noticesByOperation) = P2P3.References.Of(s);
        var now = new AsOf(s.AsOf);
        if (s.Actions.Count == 0)
        {
            findings.Add(new HandFinding("P2", string.Empty, FindingStatus.NotApplicable));
        }

        foreach (var a in s.Actions)
        {
            var threats = threatsByAction[a].Concat(a.Operation is null ? [] : threatsByOperation[a.Operation]).ToList();
            var crimes = crimesByAction[a].Concat(a.Operation is null ? [] : crimesByOperation[a.Operation]).ToList();
            var ok = Run(engine, "P2", new RuleParameter("a", a), new RuleParameter("threats", threats), new RuleParameter("crimes", crimes));
            var status = !ok["InForce"] ? P2P3.OutOfForce(a.Start)!.Value
                : !ok["Applies"] ? FindingStatus.NotApplicable
                : !ok["Breach"] ? FindingStatus.Complied
                : ok["E2a"] || ok["E2b"] || ok["E2c"] ? FindingStatus.ExceptionApplies
                : FindingStatus.Violated;
            findings.Add(new HandFinding("P2", a.Id, status));
        }

        var receipts = s.Awarenesses.Where(k => k.Operation is not null).ToList();
        if (receipts.Count == 0)
        {
            findings.Add(new HandFinding("P3", string.Empty, FindingStatus.NotApplicable));
        }

        foreach (var k in receipts)
        {
            var o = k.Operation!;
            var crimes = crimesByOperation[o].ToList();
            var due = new AsOf(crimes.Where(c => P2P3.E3(o, k, c) && P2P3.E3Lapsed(o, c, s.AsOf)).Select(c => c.EndedAt!.Value + P2P3.AlertWithin)
                .Append((k.ReceivedAt ?? DateTimeOffset.MinValue) + P2P3.AlertWithin).Max());
            var ok = Run(engine, "P3", new RuleParameter("o", o), new RuleParameter("k", k), new RuleParameter("crimes", crimes),
                new RuleParameter("notices", noticesByOperation[o].ToList()), new RuleParameter("now", now), new RuleParameter("due", due));
            var status = !ok["InForce"] ? P2P3.OutOfForce(k.ReceivedAt)!.Value
                : !ok["Applies"] ? FindingStatus.NotApplicable
                : ok["Excepted"] ? FindingStatus.ExceptionApplies
                : ok["Discharged"] ? FindingStatus.Complied
                : ok["Late"] ? FindingStatus.Violated
                : FindingStatus.Pending;
            findings.Add(new HandFinding("P3", $"{o.Id}, {k.Id}", status));
        }

        return findings;
    }

    private static Dictionary<string, bool> Run(RulesEngine.RulesEngine engine, string workflow, params RuleParameter[] parameters)
    {
        var results = engine.ExecuteAllRulesAsync(workflow, parameters).GetAwaiter().GetResult();
        var ok = results.ToDictionary(r => r.Rule.RuleName, r => r.IsSuccess);
        var failed = results.FirstOrDefault(r => !string.IsNullOrEmpty(r.ExceptionMessage) && r.ExceptionMessage.Contains("Exception", StringComparison.Ordinal));
        if (failed is not null)
        {
            throw new InvalidOperationException($"RulesEngine rule {workflow}/{failed.Rule.RuleName} failed: {failed.ExceptionMessage}");
        }

        return ok;
    }
}
