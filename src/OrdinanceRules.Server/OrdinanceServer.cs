using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrdinanceRules.Hosting;

namespace OrdinanceRules.Server;

/// <summary>The decision service (docs/service.md): add it to a host's services and map its endpoints, or build the whole application <c>ordinance serve</c> runs.</summary>
public static class OrdinanceServer
{
    /// <summary>The port <c>ordinance serve</c> listens on unless told otherwise.</summary>
    public const int DefaultPort = 5000;

    /// <summary>
    /// Registers the decision service: its options, the decision log, problem details and the OpenAPI document. Register
    /// the catalogue too, with <see cref="OrdinanceRulesServiceCollectionExtensions.AddOrdinanceRules"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the limits and the decision log; null for the defaults.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddOrdinanceServer(this IServiceCollection services, Action<OrdinanceServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<OrdinanceServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => o.MaxRequestBodySize > 0, "OrdinanceServerOptions.MaxRequestBodySize must be more than 0 bytes")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "OrdinanceServerOptions.RequestTimeout must be more than 0")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DecisionLog>();
        services.TryAddSingleton<DecisionEndpoints.Query>();
        // The framework adds a trace id to each problem; the service's own correlation is the Decision-Id header, and
        // a problem then reads the same on every run (docs/service.md shows one).
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions.Remove("traceId"));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OrdinanceRules decision service";
            document.Info.Description = "Evaluate scenarios against municipal ordinances compiled into rules (docs/service.md).";
            document.Info.Version = Json.OrdinanceJson.ToolVersion;
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// Maps the endpoints: <c>POST /v1/check</c>, <c>/v1/explain</c>, <c>/v1/what-if</c>, <c>/v1/interview</c>,
    /// <c>GET /v1/ordinances</c>, <c>/healthz</c>, <c>/readyz</c> and the OpenAPI document at <c>/openapi/v1.json</c>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The endpoints.</returns>
    public static IEndpointRouteBuilder MapOrdinanceServer(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        DecisionEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>
    /// Maps the drafter's workbench (docs/workbench.md): a page at <c>/</c>, with its script and styles under
    /// <c>/workbench/</c>, that calls the endpoints of <see cref="MapOrdinanceServer"/> on the same origin. The page is
    /// embedded in this assembly and requests nothing from anywhere else.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <returns>The endpoints.</returns>
    public static IEndpointRouteBuilder MapOrdinanceWorkbench(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Workbench.WorkbenchEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>
    /// Builds the application <c>ordinance serve</c> runs: Kestrel on the loopback address (every address only when
    /// <paramref name="anyAddress"/> is set), the catalogue of the folder reloaded when a file changes, the decision
    /// service's endpoints and the workbench page at <c>/</c>, problem details for every error (never a stack trace), and logs on standard error so that
    /// standard output can carry the decision log.
    /// </summary>
    /// <param name="catalog">Sets the catalogue's options, at least <see cref="OrdinanceRulesOptions.Folder"/>.</param>
    /// <param name="server">Sets the limits and the decision log; null for the defaults.</param>
    /// <param name="port">The port; 0 for any free one (read it from the started application's addresses).</param>
    /// <param name="anyAddress">Whether to listen on every network address instead of the loopback only.</param>
    /// <returns>The application, not yet started.</returns>
    public static WebApplication Build(Action<OrdinanceRulesOptions> catalog, Action<OrdinanceServerOptions>? server = null, int port = DefaultPort, bool anyAddress = false)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (anyAddress)
            {
                kestrel.ListenAnyIP(port);
            }
            else
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        // One line per request is the decision log's job; the framework logs only what goes wrong, and its start.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddOrdinanceRules(catalog);
        builder.Services.AddOrdinanceServer(server);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOrdinanceServer();
        app.MapOrdinanceWorkbench();
        return app;
    }
}
