using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrdinanceRules.Evaluation;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>The JSON form of reports, for programs: <c>{"reports": [...]}</c>, statuses in kebab-case.</summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
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
            facts = c.Facts.Select(b => new { variable = b.Variable, type = b.FactType, id = b.FactId }),
            description = c.Description,
        }),
        hasViolations = report.HasViolations,
        findings = report.Findings.Select(f => new
        {
            provision = f.ProvisionId,
            citation = f.Citation,
            section = f.Section,
            title = f.Title,
            modality = f.Modality,
            status = f.Status,
            reason = f.Reason,
            facts = f.Facts.Select(b => new { variable = b.Variable, type = b.FactType, id = b.FactId }),
            exceptions = f.Exceptions.Select(e => new { id = e.Id, section = e.Section, title = e.Title, facts = e.Facts.Select(b => new { variable = b.Variable, type = b.FactType, id = b.FactId }) }),
            unknowns = f.Unknowns,
            dueAt = f.DueAt,
            dischargedAt = f.DischargedAt,
            text = f.Text,
        }),
    };
}
