using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OrdinanceRules.Explanations;
using OrdinanceRules.Facts;
using OrdinanceRules.Hosting;
using OrdinanceRules.Json;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Server;

/// <summary>
/// The endpoints of the decision service (docs/service.md). Every decision endpoint takes the scenario as its body and
/// the ordinance, instant and readings as query parameters, evaluates with the catalogue's compiled ordinance, answers
/// with a document of the public JSON contract (docs/json.md) and logs the decision.
/// </summary>
internal static class DecisionEndpoints
{
    /// <summary>The response header that carries the decision's id, as the decision log names it.</summary>
    public const string DecisionIdHeader = "Decision-Id";

    private const string Json = "application/json";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1").WithTags("decisions");
        Decision(v1.MapPost("/check", Check), "Check a scenario", "Evaluates the scenario of the body against an ordinance and returns the report, each finding citing its section (docs/json.md, reports).")
            .Produces<ReportsDocument>(StatusCodes.Status200OK, Json);
        Decision(v1.MapPost("/explain", Explain), "Explain a scenario's findings", "Evaluates the scenario and returns each finding's reasoning as a tree (docs/json.md, explanations); ?provision= limits it to some provisions.")
            .Produces<ExplanationsDocument>(StatusCodes.Status200OK, Json);
        Decision(v1.MapPost("/what-if", WhatIfs), "What if facts were different", "With ?set=fact.field=value, the findings that change; without, each unknown of each undetermined finding and the outcome under each value (docs/json.md, what-if).")
            .Produces<WhatIfDocument>(StatusCodes.Status200OK, Json);
        Decision(v1.MapPost("/interview", Interviews), "The questions still worth asking", "Applies the ?answer=fact.field=value answers and returns the findings and the questions that could still settle an undetermined finding, most useful first (docs/interview.md).")
            .Produces<InterviewDocument>(StatusCodes.Status200OK, Json);
        v1.MapGet("/ordinances", (IOrdinanceCatalog catalog) => Text(System.Text.Json.JsonSerializer.Serialize(CatalogDocument.Of(catalog.Current), ServerJsonContext.Default.CatalogDocument)))
            .WithSummary("The ordinances served")
            .WithDescription("Each ordinance's id, citation, title, content hash, readings, and whether it is a last good version kept after a bad edit.")
            .Produces<CatalogDocument>(StatusCodes.Status200OK, Json);
        endpoints.MapGet("/healthz", () => Results.Text("Healthy", "text/plain"))
            .WithTags("health")
            .WithSummary("Liveness: the process answers");
        endpoints.MapGet("/readyz", (IOrdinanceCatalog catalog) =>
            {
                var readiness = ReadinessDocument.Of(catalog.Current);
                return Results.Text(
                    System.Text.Json.JsonSerializer.Serialize(readiness, ServerJsonContext.Default.ReadinessDocument) + "\n",
                    Json,
                    Encoding.UTF8,
                    readiness.Status == "unready" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
            })
            .WithTags("health")
            .WithSummary("Readiness: the catalogue's state")
            .WithDescription("ready when every file loaded; degraded (still 200) when a bad edit keeps a file's last good version, with the edit's located problems; unready (503) when nothing is served.")
            .Produces<ReadinessDocument>(StatusCodes.Status200OK, Json)
            .Produces<ReadinessDocument>(StatusCodes.Status503ServiceUnavailable, Json);
        endpoints.MapOpenApi();
    }

    private static RouteHandlerBuilder Decision(RouteHandlerBuilder endpoint, string summary, string description) => endpoint
        .WithSummary(summary)
        .WithDescription(description)
        .Accepts<string>("application/yaml", "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static Task<IResult> Check(HttpContext context, Query query, [FromQuery] string? ordinance, [FromQuery] string? asOf, [FromQuery] string[]? reading) =>
        query.DecideAsync(context, ordinance, asOf, reading, (request, log) =>
        {
            var report = request.Evaluate();
            return report.Succeeded
                ? Respond(context, log.Write("check", request, report.Value), OrdinanceJson.Reports([report.Value]))
                : Unfinished(report.Diagnostics);
        });

    private static Task<IResult> Explain(HttpContext context, Query query, [FromQuery] string? ordinance, [FromQuery] string? asOf, [FromQuery] string[]? reading, [FromQuery] string[]? provision) =>
        query.DecideAsync(context, ordinance, asOf, reading, (request, log) =>
        {
            var compiled = request.Ordinance.Compiled;
            var ids = compiled.Ordinance.Provisions.Select(p => p.Id).Concat(compiled.HigherLaws.SelectMany(l => l.Provisions.Select(p => p.Id))).ToList();
            var unknown = (provision ?? []).Where(p => !ids.Contains(p, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                return DecisionRequest.Invalid("Unknown provision", [.. unknown.Select(p => new Diagnostic(ServerDiagnosticCodes.UnknownProvision, $"provision {p}: {compiled.Ordinance.Citation} has no provision '{p}'; its provisions are: {string.Join(", ", ids)}"))]);
            }

            var report = request.Evaluate(explain: true);
            return report.Succeeded
                ? Respond(context, log.Write("explain", request, report.Value), OrdinanceJson.Explanations(report.Value, provision))
                : Unfinished(report.Diagnostics);
        });

    private static Task<IResult> WhatIfs(HttpContext context, Query query, [FromQuery] string? ordinance, [FromQuery] string? asOf, [FromQuery] string[]? reading, [FromQuery] string[]? set) =>
        query.DecideAsync(context, ordinance, asOf, reading, (request, log) =>
        {
            var before = request.Evaluate();
            if (!before.Succeeded)
            {
                return Unfinished(before.Diagnostics);
            }

            if (set is null or { Length: 0 })
            {
                var unknowns = WhatIf.Unknowns(request.Ordinance.Compiled, request.Scenario, request.AsOf, request.Options);
                return Respond(context, log.Write("what-if", request, before.Value), OrdinanceJson.Unknowns(before.Value, unknowns));
            }

            var changes = Changes(request.Scenario, set, "set");
            if (changes.Problems.Count > 0)
            {
                return DecisionRequest.Invalid("The changes have problems", changes.Problems);
            }

            var edit = new ScenarioEdit(request.Scenario, request.Ordinance.Compiled.Ordinance.Vocabulary, request.Ordinance.Compiled.Ordinance.Jurisdiction.TimeZone);
            foreach (var (factId, field, value) in changes.Parsed)
            {
                edit.SetText(factId, field, value);
            }

            var changed = edit.TryBuild(out var problems);
            if (changed is null)
            {
                return DecisionRequest.Invalid("The changes have problems", [.. problems.Select(p => p with { Code = ServerDiagnosticCodes.InvalidChange })]);
            }

            var after = request.Evaluate(changed);
            return after.Succeeded
                ? Respond(context, log.Write("what-if", request, after.Value, changes.Shown), OrdinanceJson.Changes(before.Value, after.Value, changes.Shown))
                : Unfinished(after.Diagnostics);
        });

    private static Task<IResult> Interviews(HttpContext context, Query query, [FromQuery] string? ordinance, [FromQuery] string? asOf, [FromQuery] string[]? reading, [FromQuery] string[]? answer) =>
        query.DecideAsync(context, ordinance, asOf, reading, (request, log) =>
        {
            var changes = Changes(request.Scenario, answer ?? [], "answer");
            if (changes.Problems.Count > 0)
            {
                return DecisionRequest.Invalid("The answers have problems", changes.Problems);
            }

            var start = Interview.Start(request.Ordinance.Compiled, request.Scenario, request.AsOf, request.Options);
            var step = changes.Parsed.Count == 0 ? start : start.Answer(changes.Parsed.Select(c => new InterviewAnswer(c.FactId, c.Field, c.Value))).Value;
            if (step is null)
            {
                var problems = start.Answer(changes.Parsed.Select(c => new InterviewAnswer(c.FactId, c.Field, c.Value))).Diagnostics;
                return DecisionRequest.Invalid("The answers have problems", [.. problems.Select(p => p with { Code = ServerDiagnosticCodes.InvalidChange })]);
            }

            return Respond(context, log.Write("interview", request, step.Report, changes.Shown.Count == 0 ? null : changes.Shown), OrdinanceJson.Interview(step));
        });

    /// <summary>Each <c>fact.field=value</c>, checked one by one against the scenario (so each problem names its own change), and as it may be shown.</summary>
    private static (List<(string FactId, string Field, string Value)> Parsed, List<string> Shown, List<Diagnostic> Problems) Changes(Scenario scenario, IEnumerable<string> texts, string parameter)
    {
        var parsed = new List<(string, string, string)>();
        var shown = new List<string>();
        var problems = new List<Diagnostic>();
        foreach (var text in texts)
        {
            if (DecisionRequest.Change(text) is not var (factId, field, value))
            {
                problems.Add(new Diagnostic(ServerDiagnosticCodes.InvalidChange, $"{parameter} '{text}': give fact.field=value, such as t-1.specificity=specific"));
                continue;
            }

            var fact = scenario.FindFact(factId);
            if (fact is null || !fact.Type.TryGetField(field, out var definition))
            {
                problems.Add(new Diagnostic(ServerDiagnosticCodes.InvalidChange, fact is null
                    ? $"{parameter} {factId}.{field}: the scenario has no fact '{factId}'; its facts are: {string.Join(", ", scenario.Facts.Select(f => f.Id))}"
                    : $"{parameter} {factId}.{field}: a {fact.Type.Name} has no field '{field}'; its fields are: {string.Join(", ", fact.Type.Fields.Select(f => f.Name))}"));
                continue;
            }

            parsed.Add((factId, field, value));
            shown.Add($"{factId}.{field}={Redaction.Show(definition, value, showSensitive: false)}");
        }

        return (parsed, shown, problems);
    }

    private static IResult Respond<T>(HttpContext context, string decisionId, T document)
        where T : class, IContractDocument
    {
        context.Response.Headers[DecisionIdHeader] = decisionId;
        return Text(OrdinanceJson.Write(document));
    }

    /// <summary>A JSON document, ending with a newline as the command line writes it.</summary>
    private static IResult Text(string json) => Results.Text(json + "\n", Json, Encoding.UTF8);

    /// <summary>An evaluation that could not finish (a budget of the engine's limits, a value out of range): 422, with the engine's diagnostics.</summary>
    private static IResult Unfinished(IReadOnlyList<Diagnostic> diagnostics) =>
        Problems.Of(StatusCodes.Status422UnprocessableEntity, "The evaluation could not finish", diagnostics.Count == 1 ? diagnostics[0].Message : $"{diagnostics.Count} problems", diagnostics);

    /// <summary>What every decision endpoint shares: the catalogue, the options, the decision log and the clock, with the request's time limit.</summary>
    internal sealed class Query(IOrdinanceCatalog catalog, IOptions<OrdinanceServerOptions> options, DecisionLog log, TimeProvider time)
    {
        public async Task<IResult> DecideAsync(HttpContext context, string? ordinance, string? asOf, string[]? readings, Func<DecisionRequest, DecisionLog, IResult> decide)
        {
            var settings = options.Value;
            using var limit = new CancellationTokenSource(settings.RequestTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(limit.Token, context.RequestAborted);
            try
            {
                var (request, problem) = await DecisionRequest.ReadAsync(context, catalog, settings, ordinance, asOf, readings, linked.Token);
                if (request is null)
                {
                    return problem!;
                }

                // Evaluation is synchronous CPU work: off the request's thread, so that the time limit can answer for it.
                return await Task.Run(() => decide(request, log), linked.Token).WaitAsync(linked.Token);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
            {
                return Problems.One(StatusCodes.Status503ServiceUnavailable, "Request timed out", new Diagnostic(
                    ServerDiagnosticCodes.Timeout,
                    $"the request took longer than the {settings.RequestTimeout.TotalSeconds:0.###} seconds this service allows; send a smaller scenario or raise the limit"));
            }
        }
    }
}
