using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrdinanceRules.Evaluation;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>The JSON form of reports, for programs: <c>{"reports": [...]}</c>, statuses in kebab-case.</summary>
internal static class ReportJson
{
    /// <summary>The options every JSON output of the command shares.</summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,

        // Written to stdout, not into HTML: '§' and apostrophes stay readable instead of \u00A7 and \u0027.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Write(IEnumerable<ComplianceReport> reports) =>
        JsonSerializer.Serialize(new { reports = reports.Select(Shape) }, Options);

    private static object Shape(ComplianceReport report) => new
    {
        ordinance = report.Ordinance,
        title = report.Title,
        notes = report.Notes,
        scenario = report.Scenario,
        asOf = report.AsOf,
        timeZone = report.TimeZone,
        readings = report.Readings.Select(r => new { name = r.Name, alternative = r.Alternative, isDefault = r.IsDefault }),
        higherLaws = report.HigherLaws,
        conflicts = report.Conflicts.Select(c => new
        {
            provision = c.ProvisionId,
            citation = c.Citation,
            otherProvision = c.OtherProvisionId,
            otherCitation = c.OtherCitation,
            facts = Facts(c.Facts),
            description = c.Description,
        }),
        hasViolations = report.HasViolations,
        findings = report.Findings.Select(f => Shape(f, withText: true)),
    };

    /// <summary>One finding as JSON; <c>compare</c> leaves the provision's text out of its cells.</summary>
    internal static object Shape(Finding f, bool withText) => new
    {
        provision = f.ProvisionId,
        citation = f.Citation,
        section = f.Section,
        origin = f.Origin is { } o ? new { citation = o.Citation, section = o.Section, replaced = o.Replaced } : null,
        title = f.Title,
        modality = f.Modality,
        status = f.Status,
        reason = f.Reason,
        facts = Facts(f.Facts),
        exceptions = f.Exceptions.Select(e => new { id = e.Id, section = e.Section, title = e.Title, facts = Facts(e.Facts) }),
        unknowns = f.Unknowns,
        dueAt = f.DueAt,
        dischargedAt = f.DischargedAt,
        text = withText ? f.Text : null,
    };

    private static IEnumerable<object> Facts(IEnumerable<FactBinding> facts) =>
        facts.Select(b => new { variable = b.Variable, type = b.FactType, id = b.FactId });
}
