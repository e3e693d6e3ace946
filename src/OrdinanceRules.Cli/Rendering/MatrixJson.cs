using System.Text.Json;
using OrdinanceRules.Cli.Comparison;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>
/// The comparison matrix as JSON, for programs: <c>{"ordinances": [...], "scenarios": [{..., "cells": [...]}], "differences": n}</c>.
/// Each cell holds every finding, with the same properties as <c>check --format json</c>.
/// </summary>
internal static class MatrixJson
{
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
                readings = o.Readings,
                extends = o.Extends,
            }),
            scenarios = matrix.Rows.Select(r => new
            {
                label = r.Label,
                file = r.Path,
                scenario = r.Name,
                description = r.Description,
                differs = r.Differs,
                cells = r.Cells.Select((c, i) => new
                {
                    ordinance = matrix.Ordinances[i].Label,
                    asOf = c.Report?.AsOf,
                    verdict = Verdicts.Kebab(c.Verdict),
                    summary = c.Summary,
                    findings = c.Report?.Findings.Select(f => ReportJson.Shape(f, withText: false)) ?? [],
                }),
            }),
            differences = matrix.Differences.Count(),
        },
        ReportJson.Options);
}
