using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Facts;
using OrdinanceRules.Hosting;
using OrdinanceRules.Model;
using OrdinanceRules.Yaml;

namespace OrdinanceRules.Server;

/// <summary>
/// One decision request, read and checked: the ordinance served under the id of <c>?ordinance=</c>, the scenario of the
/// body (YAML, or JSON by its content type), the instant (<c>?asOf=</c>, else the scenario's) and the readings
/// (<c>?reading=name=alternative</c>). Every problem becomes a problem-details response, never an exception.
/// </summary>
internal sealed partial record DecisionRequest(CatalogOrdinance Ordinance, Scenario Scenario, DateTimeOffset AsOf, EvaluationOptions Options)
{
    /// <summary>The name the body's diagnostics are located in; the responses leave it out and keep line:column.</summary>
    public const string BodyName = "request body";

    private static readonly string[] YamlTypes = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"];

    /// <summary>Reads the request; exactly one of the result and the problem is not null.</summary>
    public static async Task<(DecisionRequest? Request, IResult? Problem)> ReadAsync(
        HttpContext context, IOrdinanceCatalog catalog, OrdinanceServerOptions options, string? ordinanceId, string? asOfText, string[]? readings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ordinanceId) || !catalog.TryGet(ordinanceId, out var ordinance))
        {
            var served = string.Join(", ", catalog.Current.Ordinances.Select(o => o.Id));
            var message = string.IsNullOrWhiteSpace(ordinanceId)
                ? $"name the ordinance to evaluate with ?ordinance=ID; this service serves: {served}"
                : $"there is no ordinance '{ordinanceId}'; this service serves: {served} (GET /v1/ordinances lists them)";
            return (null, Problems.One(StatusCodes.Status404NotFound, "Unknown ordinance", new Diagnostic(ServerDiagnosticCodes.UnknownOrdinance, message)));
        }

        var json = IsJson(context.Request.ContentType);
        if (!json && !IsYaml(context.Request.ContentType))
        {
            return (null, Problems.One(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", new Diagnostic(
                ServerDiagnosticCodes.UnsupportedMediaType,
                $"send the scenario as YAML (Content-Type: application/yaml) or JSON (Content-Type: application/json), not '{context.Request.ContentType ?? "no content type"}'")));
        }

        var (text, tooLarge) = await ReadBodyAsync(context, options, cancellationToken);
        if (text is null || tooLarge)
        {
            return (null, Problems.One(StatusCodes.Status413PayloadTooLarge, "Request body too large", new Diagnostic(
                ServerDiagnosticCodes.TooLarge,
                $"the request body is larger than the {options.MaxRequestBodySize} bytes this service accepts; send a smaller scenario")));
        }

        if (json && JsonSyntax(text) is { } syntax)
        {
            return (null, Invalid("The body is not well-formed JSON", [syntax]));
        }

        var compiled = ordinance.Compiled;
        var scenario = OrdinanceYaml.ParseScenario(json ? PlainUnknowns(text) : text, BodyName, compiled.Ordinance);
        if (!scenario.Succeeded)
        {
            return (null, Invalid("The scenario has problems", scenario.Diagnostics));
        }

        var problems = new List<Diagnostic>();
        var asOf = Instant(compiled.Ordinance, scenario.Value, asOfText, problems);
        var chosen = Readings(compiled.Ordinance, readings ?? [], problems);
        return problems.Count > 0 || asOf is null
            ? (null, Invalid("The request has problems", problems))
            : (new DecisionRequest(ordinance, scenario.Value, asOf.Value, chosen), null);
    }

    /// <summary>A 400 response listing the problems.</summary>
    public static IResult Invalid(string title, IReadOnlyCollection<Diagnostic> problems) =>
        Problems.Of(StatusCodes.Status400BadRequest, title, problems.Count == 1 ? problems.First().Message : $"{problems.Count} problems; each is under 'errors' with its line and column", problems);

    /// <summary>Evaluates the request's scenario, or another (an edited copy), at the request's instant and readings.</summary>
    public Result<ComplianceReport> Evaluate(Scenario? scenario = null, bool explain = false) =>
        Ordinance.Compiled.TryEvaluate(scenario ?? Scenario, AsOf, Options with { Explain = explain });

    /// <summary>Splits <c>fact.field=value</c>; null when it is not of that shape.</summary>
    public static (string FactId, string Field, string Value)? Change(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var dot = equals < 0 ? -1 : text.LastIndexOf('.', equals);
        return equals < 0 || dot <= 0 || dot == equals - 1 ? null : (text[..dot], text[(dot + 1)..equals], text[(equals + 1)..]);
    }

    /// <summary>
    /// JSON is YAML (a flow mapping), so a JSON body is read by the same reader, and its problems keep their line and
    /// column. Only the value <c>"unknown"</c> needs help: JSON can only quote it, and the reader takes a quoted scalar as
    /// text; written as the plain scalar (the same length, so no position moves), it states a value not known, as in YAML.
    /// </summary>
    internal static string PlainUnknowns(string json) => UnknownValue().Replace(json, "$1 unknown ");

    [System.Text.RegularExpressions.GeneratedRegex("""(:\s*)"unknown"(?=\s*[,}\]])""")]
    private static partial System.Text.RegularExpressions.Regex UnknownValue();

    private static bool IsJson(string? contentType) =>
        MediaType(contentType) is { } type && (type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal));

    private static bool IsYaml(string? contentType) =>
        MediaType(contentType) is { } type && (YamlTypes.Contains(type, StringComparer.Ordinal) || type.EndsWith("+yaml", StringComparison.Ordinal));

    private static string? MediaType(string? contentType) =>
        contentType?.Split(';', 2)[0].Trim().ToLowerInvariant() is { Length: > 0 } type ? type : null;

    /// <summary>The body as text, or too large: the limit is set on the request and checked against Content-Length first.</summary>
    private static async Task<(string? Text, bool TooLarge)> ReadBodyAsync(HttpContext context, OrdinanceServerOptions options, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > options.MaxRequestBodySize)
        {
            return (null, true);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBodySize;
        }

        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > options.MaxRequestBodySize)
                {
                    return (null, true);
                }

                buffer.Write(chunk, 0, read);
            }

            return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, true);
        }
    }

    /// <summary>The first syntax error of a JSON body, located; null when it is well-formed.</summary>
    private static Diagnostic? JsonSyntax(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            return null;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].Trim();
            return new Diagnostic(ServerDiagnosticCodes.InvalidJson, $"the body is not well-formed JSON: {message}", new SourceLocation(BodyName, line, column));
        }
    }

    private static DateTimeOffset? Instant(Ordinance ordinance, Scenario scenario, string? asOfText, List<Diagnostic> problems)
    {
        if (asOfText is null)
        {
            if (scenario.AsOf is null)
            {
                problems.Add(new Diagnostic(ServerDiagnosticCodes.InvalidAsOf, "the scenario names no as-of instant; add 'as-of:' to it or pass ?asOf=", scenario.Location ?? new SourceLocation(BodyName, 1, 1)));
            }

            return scenario.AsOf;
        }

        if (JurisdictionClock.For(ordinance.Jurisdiction.TimeZone).TryParse(asOfText, out var instant, out var error))
        {
            return instant;
        }

        problems.Add(new Diagnostic(ServerDiagnosticCodes.InvalidAsOf, $"asOf: {error}"));
        return null;
    }

    private static EvaluationOptions Readings(Ordinance ordinance, IEnumerable<string> values, List<Diagnostic> problems)
    {
        ReadingChoices.TryParse(ordinance, values, out var options, out var messages);
        problems.AddRange(messages.Select(m => new Diagnostic(ServerDiagnosticCodes.InvalidReading, "reading " + m)));
        return options;
    }
}
