using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrdinanceRules.Hosting;

/// <summary>
/// Healthy when every file of the folder loaded; Degraded when some did not (the catalogue serves the others, and the last
/// good version of those it had); Unhealthy when it serves no ordinance at all.
/// </summary>
internal sealed class OrdinanceCatalogHealthCheck(IOrdinanceCatalog catalog) : IHealthCheck
{
    /// <summary>How many problems the result's description and data name at most.</summary>
    private const int ShownProblems = 10;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = catalog.Current;
        var data = new Dictionary<string, object>
        {
            ["generation"] = snapshot.Generation,
            ["loadedAt"] = snapshot.LoadedAt,
            ["ordinances"] = snapshot.Ordinances.Select(o => o.Id).ToArray(),
            ["stale"] = snapshot.Ordinances.Where(o => o.IsStale).Select(o => o.Id).ToArray(),
            ["problems"] = snapshot.Problems.Take(ShownProblems).Select(p => p.ToString()).ToArray(),
        };
        var problems = string.Join("; ", snapshot.Problems.Take(ShownProblems));
        var result = snapshot switch
        {
            { Ordinances.IsEmpty: true } => HealthCheckResult.Unhealthy($"No ordinance is served. {problems}".Trim(), data: data),
            { IsComplete: false } => HealthCheckResult.Degraded($"{snapshot.Problems.Length} problems; serving {snapshot.Ordinances.Length} ordinances, the last good version of the stale ones. {problems}", data: data),
            _ => HealthCheckResult.Healthy($"{snapshot.Ordinances.Length} ordinances served.", data),
        };
        return Task.FromResult(result);
    }
}
