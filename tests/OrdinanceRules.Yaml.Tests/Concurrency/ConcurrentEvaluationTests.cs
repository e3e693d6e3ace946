using OrdinanceRules.Yaml.Tests.Robustness;
using OrdinanceRules.Yaml.Tests.Samples;

namespace OrdinanceRules.Yaml.Tests.Concurrency;

/// <summary>
/// A compiled ordinance is shared by threads (CompiledOrdinance is documented thread-safe): 16 threads evaluating
/// every bundled scenario against one compiled ordinance each give exactly the reports of a sequential run.
/// </summary>
public class ConcurrentEvaluationTests
{
    private const int Threads = 16;
    private const int Rounds = 2;

    [Fact]
    public void Evaluate_SixteenThreadsOverEveryBundledScenario_GivesTheSequentialReports()
    {
        var work = BundledSamples.Scenarios
            .Select(s => (Ordinance: BundledSamples.Compile(s.Ordinance), Scenario: BundledSamples.Load(s.Scenario, s.Ordinance), Name: Path.GetFileName(s.Scenario)))
            .ToList();
        var sequential = work.Select(w => BundledSamples.Canonical(w.Ordinance.Evaluate(w.Scenario))).ToList();
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(Threads);

        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            // Each thread its own order, so that different scenarios run at the same moment.
            var order = Enumerable.Range(0, work.Count).OrderBy(i => (i * 7919 + t * 104_729) % work.Count).ToList();
            start.SignalAndWait();
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var i in order)
                {
                    var report = BundledSamples.Canonical(work[i].Ordinance.Evaluate(work[i].Scenario, new EvaluationOptions { Explain = round == 1 }));
                    if (report != sequential[i])
                    {
                        mismatches.Add($"thread {t}, {work[i].Name}");
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        mismatches.Should().BeEmpty();
        work.Should().HaveCountGreaterThan(40, "every bundled scenario takes part");
    }

    /// <summary>
    /// The first evaluations of a freshly compiled ordinance, started at the same moment on several threads (as an
    /// audit over several cores or a service's first requests do): each one succeeds with the sequential report. Many
    /// fresh compiles, as the race this guards against (NRules' shared identity-comparer cache) is one of timing.
    /// </summary>
    [Fact]
    public void Evaluate_FirstEvaluationsOfAFreshCompileAtOnce_EachSucceeds()
    {
        var ordinance = Repository.PathOf("samples", "ordinances", "roeland-park-ks.yaml");
        var model = BundledSamples.Compile(ordinance);
        var scenario = BundledSamples.Load(Repository.PathOf("samples", "scenarios", "roeland-park", "p1a-ordered-traffic-control-violated.yaml"), ordinance);
        var expected = BundledSamples.Canonical(model.Evaluate(scenario));
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        for (var compile = 0; compile < 20; compile++)
        {
            var compiled = OrdinanceCompiler.Compile(model.Ordinance);
            using var start = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                var report = compiled.TryEvaluate(scenario, scenario.AsOf!.Value, null);
                if (!report.Succeeded)
                {
                    failures.Add(report.Diagnostics[0].Message);
                }
                else if (BundledSamples.Canonical(report.Value) != expected)
                {
                    failures.Add("a report unlike the sequential one");
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }

        failures.Should().BeEmpty();
    }
}
