using System.Text;
using OrdinanceRules.Hosting;
using OrdinanceRules.Json;
using OrdinanceRules.Yaml;

var builder = WebApplication.CreateBuilder(args);

// 1. The catalogue: every ordinance file of the configured folder (appsettings.json, "Ordinances"), compiled once,
//    reloaded when a file changes; a relative folder is read from the project's folder.
builder.Services.AddOrdinanceRules().BindConfiguration("Ordinances");
builder.Services.PostConfigure<OrdinanceRulesOptions>(o => o.Folder = Path.Combine(builder.Environment.ContentRootPath, o.Folder));

// 2. Its health check: Degraded while a bad edit keeps a file's last good version, Unhealthy when nothing is served.
builder.Services.AddHealthChecks().AddOrdinanceCatalog();

var app = builder.Build();

// 3. The ordinances served, with the content hash of the text each was loaded from.
app.MapGet("/ordinances", (IOrdinanceCatalog catalog) => catalog.Current.Ordinances.Select(o => new
{
    id = o.Id,
    citation = o.Compiled.Ordinance.Citation,
    title = o.Compiled.Ordinance.Title,
    contentHash = o.ContentHash,
    isStale = o.IsStale,
}));

// 4. Check a scenario, sent as YAML, against one ordinance: the contract's report document (docs/json.md), or a
//    problem-details response whose errors are the scenario's located problems.
app.MapPost("/ordinances/{id}/check", async (string id, HttpRequest request, IOrdinanceCatalog catalog) =>
{
    if (!catalog.TryGet(id, out var ordinance))
    {
        return Results.Problem($"There is no ordinance '{id}'; GET /ordinances lists them.", statusCode: StatusCodes.Status404NotFound);
    }

    using var reader = new StreamReader(request.Body, Encoding.UTF8);
    var scenario = OrdinanceYaml.ParseScenario(await reader.ReadToEndAsync(), "scenario.yaml", ordinance.Compiled.Ordinance);
    if (!scenario.Succeeded)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["scenario"] = [.. scenario.Diagnostics.Select(d => d.ToString())] });
    }

    if (scenario.Value.AsOf is null)
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["scenario"] = ["scenario.yaml:1:1: the scenario names no as-of instant; add 'as-of:' to it"] });
    }

    var report = ordinance.Compiled.Evaluate(scenario.Value);
    return Results.Text(OrdinanceJson.Write(OrdinanceJson.Reports([report])), "application/json", Encoding.UTF8);
});

// 5. Health: the catalogue's check, as JSON-free text (Healthy, Degraded, Unhealthy).
app.MapHealthChecks("/healthz");

app.Run();

/// <summary>The sample's entry point, visible to its tests (WebApplicationFactory).</summary>
public partial class Program;
