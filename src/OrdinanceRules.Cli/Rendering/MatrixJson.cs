using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OrdinanceRules.Cli.Comparison;
using OrdinanceRules.Evaluation;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>
/// The comparison matrix as JSON, for programs: <c>{"ordinances": [...], "scenarios": [{..., "cells": [...]}], "differences": n}</c>.
/// Each cell holds every finding, with the same properties as <c>check --format json</c>.
/// </summary>
internal static class MatrixJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Write(ComparisonMatrix matrix) => JsonSerializer.Serialize(
        new
        {
            ordinances = matrix.Ordinances.Select(o => new
            {
                label = o.Label,
                file = o.Path,
                ordinance = o.Citation,
                title = o.Title,
                notes = o.Notes,
                timeZone = o.TimeZone,
            }),
            scenarios = matrix.Rows.Select(r => new
            {
                label = r.Label,
                file = r.Path,
                scenario = r.Name,
                differs = r.Differs,
                cells = r.Cells.Select((c, i) => new
                {
                    ordinance = matrix.Ordinances[i].Label,
                    asOf = c.Report.AsOf,
                    verdict = c.Verdict,
                    summary = c.Summary,
                    findings = c.Report.Findings.Select(Shape),
                }),
            }),
            differences = matrix.Differences.Count(),
        },
        Options);

    private static object Shape(Finding f) => new
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
    };
}
