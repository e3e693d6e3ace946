using OrdinanceRules.Cli.Commands;
using OrdinanceRules.Facts;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Cli.Explain;

/// <summary>One ordinance, compiled, and one scenario, loaded, with the as-of instant and readings to judge at.</summary>
internal sealed record ScenarioRun(CompiledOrdinance Ordinance, Scenario Scenario, DateTimeOffset AsOf, EvaluationOptions Options)
{
    /// <summary>Loads and checks everything a single-scenario command needs; every problem is returned, none thrown.</summary>
    public static ScenarioRun? TryLoad(ScenarioSettings settings, YamlReadOptions read, out List<Diagnostic> problems)
    {
        problems = [];
        var setup = EvaluationSetup.TryLoad(settings.Ordinance, settings.Laws, settings.AsOf, settings.Readings, read, problems);
        if (setup?.TryLoadScenario(settings.Scenario, problems) is not var (scenario, asOf))
        {
            return null;
        }

        return new ScenarioRun(setup.Ordinance, scenario, asOf, setup.Options);
    }

    /// <summary>Evaluates the run's scenario, or another (such as an edited copy), with the run's instant and readings.</summary>
    public ComplianceReport Evaluate(Scenario? scenario = null, bool explain = false) =>
        Ordinance.Evaluate(scenario ?? Scenario, AsOf, Options with { Explain = explain });
}
