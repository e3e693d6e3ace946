using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OrdinanceRules.Hosting;

/// <summary>Registers OrdinanceRules in a host's services (docs/hosting.md).</summary>
public static class OrdinanceRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the ordinance catalogue (<see cref="IOrdinanceCatalog"/>, a singleton), its options validated when the
    /// host starts, and a hosted service that loads the folder at start and reloads it when a file changes.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options, at least <see cref="OrdinanceRulesOptions.Folder"/>.</param>
    /// <returns>The options builder, to bind configuration or add validation.</returns>
    public static OptionsBuilder<OrdinanceRulesOptions> AddOrdinanceRules(this IServiceCollection services, Action<OrdinanceRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OrdinanceRulesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OrdinanceRulesOptions>, OrdinanceRulesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrdinanceCatalog>();
        services.TryAddSingleton<IOrdinanceCatalog>(sp => sp.GetRequiredService<OrdinanceCatalog>());
        services.AddHostedService<CatalogWatcher>();
        return options;
    }

    /// <summary>
    /// Adds the catalogue's health check: Healthy when every file loaded, Degraded when some did not (their last good
    /// version is served), Unhealthy when no ordinance is served.
    /// </summary>
    /// <param name="builder">The health checks builder, from <c>services.AddHealthChecks()</c>.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="tags">Tags to filter it by, such as <c>ready</c>.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddOrdinanceCatalog(this IHealthChecksBuilder builder, string name = "ordinances", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<OrdinanceCatalogHealthCheck>(name, failureStatus: HealthStatus.Unhealthy, tags: tags ?? []);
    }
}
