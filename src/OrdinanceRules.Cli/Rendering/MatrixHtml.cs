using System.Globalization;
using System.Text;
using OrdinanceRules.Cli.Comparison;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>
/// The comparison matrix as one self-contained HTML page for a drafter: coloured cells, and a click on a
/// cell opens its findings with their reasons and citations.
/// </summary>
/// <remarks>
/// <para>
/// Self-contained: the page loads nothing. Its CSS and its few lines of script are inline; there is no
/// external script, style sheet, font, image or link, and no <c>url(</c> in the CSS. Cells open with
/// <c>&lt;details&gt;</c>, so the page works with scripts off; the script only adds "show only the
/// scenarios that differ" and "open all" / "close all".
/// </para>
/// <para>
/// Every piece of text from the files (scenario names, titles, reasons, fact ids, notes) is untrusted
/// and escaped. Ids and classes are generated, never taken from the files. The markup is also
/// well-formed XML (every element closed, no named entities but XML's own), so tests read it with
/// System.Xml.Linq. The output depends only on the inputs: no clock is read.
/// </para>
/// </remarks>
internal static class MatrixHtml
{
    private const string Css = """
        :root { --violated: #c62828; --undetermined: #8e24aa; --pending: #b26a00; --exception: #00838f; --complied: #2e7d32; --na: #757575; }
        * { box-sizing: border-box; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; margin: 1.5rem; color: #1b1b1b; background: #fff; line-height: 1.4; }
        h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.05rem; margin: 0 0 .25rem; }
        .lead { margin: 0 0 1rem; color: #444; }
        .ordinances { display: flex; flex-wrap: wrap; gap: .75rem; margin-bottom: 1rem; }
        .ordinance { border: 1px solid #ccc; border-radius: 6px; padding: .6rem .8rem; flex: 1 1 20rem; max-width: 40rem; background: #fafafa; }
        .ordinance p { margin: .15rem 0; font-size: .9rem; }
        .file { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .8rem; color: #555; word-break: break-all; }
        .ordinance details { font-size: .85rem; color: #444; }
        .legend { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 .75rem; padding: 0; list-style: none; font-size: .85rem; }
        .legend li { padding: .15rem .5rem; border-radius: 4px; }
        .controls { margin: 0 0 .75rem; font-size: .9rem; }
        .controls button { margin-left: .5rem; }
        table.matrix { border-collapse: collapse; width: 100%; }
        .matrix th, .matrix td { border: 1px solid #d0d0d0; padding: .4rem .5rem; vertical-align: top; text-align: left; }
        .matrix thead th { background: #eceff1; position: sticky; top: 0; z-index: 1; }
        .matrix thead .cite { display: block; font-weight: normal; font-size: .8rem; color: #555; }
        .matrix tbody th { font-weight: normal; min-width: 14rem; max-width: 24rem; }
        .matrix tbody th .file { display: block; font-weight: bold; color: #1b1b1b; word-break: normal; overflow-wrap: anywhere; }
        .matrix tbody th .name { display: block; font-size: .85rem; color: #555; }
        .matrix td.cell { min-width: 14rem; }
        tr.differs > th { box-shadow: inset 5px 0 0 #ef6c00; }
        td.diff { white-space: nowrap; font-weight: bold; color: #ef6c00; }
        table.only-differences tbody tr.same { display: none; }
        summary { cursor: pointer; display: block; list-style: none; }
        summary::-webkit-details-marker { display: none; }
        summary::before { content: '\25B8'; display: inline-block; width: 1em; color: #555; }
        details[open] > summary::before { content: '\25BE'; }
        .verdict { display: inline-block; font-weight: bold; font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; padding: .05rem .4rem; border-radius: 3px; color: #fff; }
        .items { display: block; font-size: .85rem; margin-top: .2rem; }
        .s-violated { background: #fdecea; } .s-violated .verdict, .legend .s-violated { background: var(--violated); color: #fff; }
        .s-undetermined { background: #f6e9f8; } .s-undetermined .verdict, .legend .s-undetermined { background: var(--undetermined); color: #fff; }
        .s-pending { background: #fff5d6; } .s-pending .verdict, .legend .s-pending { background: var(--pending); color: #fff; }
        .s-exception-applies { background: #e0f4f5; } .s-exception-applies .verdict, .legend .s-exception-applies { background: var(--exception); color: #fff; }
        .s-complied { background: #e8f5e9; } .s-complied .verdict, .legend .s-complied { background: var(--complied); color: #fff; }
        .s-not-applicable { background: #f7f7f7; color: #555; } .s-not-applicable .verdict, .legend .s-not-applicable { background: var(--na); color: #fff; }
        .finding { border-left: 4px solid #bbb; background: #fff; margin: .4rem 0 0; padding: .3rem .5rem; font-size: .85rem; }
        .finding.f-violated { border-color: var(--violated); } .finding.f-undetermined { border-color: var(--undetermined); }
        .finding.f-pending { border-color: var(--pending); } .finding.f-exception-applies { border-color: var(--exception); }
        .finding.f-complied { border-color: var(--complied); } .finding.f-not-applicable { border-color: var(--na); }
        .finding p { margin: .15rem 0; }
        .finding .cite { color: #444; font-style: italic; }
        .finding .facts, .finding .unknowns { color: #444; }
        .none { font-size: .8rem; color: #666; margin: .4rem 0 0; }
        .footer { margin-top: 1rem; font-size: .85rem; color: #444; }
        .s-not-expressible { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 6px, #eeeeee 6px, #eeeeee 12px); color: #555; }
        .s-not-expressible .verdict, .legend .s-not-expressible { background: #9e9e9e; color: #fff; }
        .matrix tbody th .description { display: block; font-size: .8rem; color: #444; margin-top: .2rem; }
        .controls select { margin: 0 .75rem 0 .25rem; }
        table.matrix tbody tr.filtered { display: none; }
        .provisions { margin-top: 1.5rem; }
        .provisions .provision { border-left: 4px solid #90a4ae; padding: .3rem .6rem; margin: .4rem 0; font-size: .85rem; background: #fafafa; }
        .provisions .provision:target { border-color: #ef6c00; background: #fff3e0; }
        .provision p { margin: .15rem 0; }
        .origin, .readings, .extends { color: #444; font-size: .85rem; }
        a.to-text { font-size: .8rem; }
        """;

    // No '<' or '&' in the script, so that the page is also well-formed XML; the CDATA markers are inside comments for HTML.
    private const string Script = """
        //<![CDATA[
        (function () {
          var table = document.getElementById('matrix');
          var status = document.getElementById('status-filter');
          var provision = document.getElementById('provision-filter');
          document.getElementById('only-differences').addEventListener('change', function (e) {
            table.classList.toggle('only-differences', e.target.checked);
          });
          function has(row, attribute, value) {
            return value === '' || (' ' + row.getAttribute(attribute) + ' ').indexOf(' ' + value + ' ') !== -1;
          }
          function filter() {
            table.querySelectorAll('tbody tr').forEach(function (row) {
              var shown = has(row, 'data-statuses', status.value);
              if (shown) { shown = has(row, 'data-provisions', provision.value); }
              row.classList.toggle('filtered', !shown);
            });
          }
          status.addEventListener('change', filter);
          provision.addEventListener('change', filter);
          function setAll(open) {
            table.querySelectorAll('details').forEach(function (d) { d.open = open; });
          }
          document.getElementById('open-all').addEventListener('click', function () { setAll(true); });
          document.getElementById('close-all').addEventListener('click', function () { setAll(false); });
        })();
        //]]>
        """;

    public static string Write(ComparisonMatrix matrix)
    {
        var html = new StringBuilder();
        var labels = string.Join(" vs ", matrix.Ordinances.Select(o => o.Label));
        var differing = matrix.Differences.Count();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>Ordinance comparison: ").Append(Escape(labels)).Append("</title>\n")
            .Append("<style>\n").Append(Css).Append("\n</style>\n</head>\n<body>\n");

        html.Append("<h1>Ordinance comparison</h1>\n<p class=\"lead\">")
            .Append(matrix.Rows.Length.ToString(CultureInfo.InvariantCulture)).Append(" scenario(s) under ")
            .Append(matrix.Ordinances.Length.ToString(CultureInfo.InvariantCulture)).Append(" ordinance(s). <strong>")
            .Append(differing.ToString(CultureInfo.InvariantCulture)).Append(" differ</strong>: on those rows the cells' verdicts ")
            .Append("(the most serious status of each cell's findings) are not all the same. Click a cell to see its findings, ")
            .Append("each with its reason and citation.</p>\n");

        html.Append("<div class=\"ordinances\">\n");
        foreach (var ordinance in matrix.Ordinances)
        {
            html.Append("<div class=\"ordinance\"><h2>").Append(Escape(ordinance.Label)).Append("</h2>")
                .Append("<p><strong>").Append(Escape(ordinance.Citation)).Append("</strong>: ").Append(Escape(ordinance.Title)).Append("</p>")
                .Append("<p class=\"file\">").Append(Escape(ordinance.Path)).Append("</p>");
            if (!ordinance.Extends.IsEmpty)
            {
                html.Append("<p class=\"extends\">Extends: ").Append(Escape(string.Join("; ", ordinance.Extends))).Append("</p>");
            }

            html.Append("<p class=\"readings\">Readings: ")
                .Append(Escape(ordinance.Readings.IsEmpty ? "none declared" : string.Join(", ", ordinance.Readings))).Append("</p>");
            if (!string.IsNullOrWhiteSpace(ordinance.Notes))
            {
                html.Append("<details><summary>Notes on the text</summary><p>").Append(Escape(ordinance.Notes.Trim())).Append("</p></details>");
            }

            html.Append("</div>\n");
        }

        html.Append("</div>\n<ul class=\"legend\">");
        foreach (var status in Statuses)
        {
            html.Append("<li class=\"s-").Append(Verdicts.Kebab(status)).Append("\">").Append(Escape(Verdicts.Headline(status))).Append("</li>");
        }

        html.Append("</ul>\n<p class=\"controls\"><label for=\"status-filter\">Status</label><select id=\"status-filter\"><option value=\"\">any</option>");
        foreach (var status in Statuses)
        {
            html.Append("<option value=\"").Append(Verdicts.Kebab(status)).Append("\">").Append(Escape(Verdicts.Headline(status))).Append("</option>");
        }

        html.Append("</select><label for=\"provision-filter\">Provision</label><select id=\"provision-filter\"><option value=\"\">any</option>");
        foreach (var id in matrix.Ordinances.SelectMany(o => o.Provisions).Select(p => p.Id).Distinct(StringComparer.Ordinal))
        {
            html.Append("<option value=\"").Append(Escape(id)).Append("\">").Append(Escape(id)).Append("</option>");
        }

        html.Append("</select><label><input type=\"checkbox\" id=\"only-differences\" /> Show only the scenarios that differ</label>")
            .Append("<button type=\"button\" id=\"open-all\">Open all cells</button><button type=\"button\" id=\"close-all\">Close all cells</button></p>\n");

        html.Append("<table class=\"matrix\" id=\"matrix\">\n<thead><tr><th scope=\"col\">Scenario</th>");
        foreach (var ordinance in matrix.Ordinances)
        {
            html.Append("<th scope=\"col\">").Append(Escape(ordinance.Label)).Append("<span class=\"cite\">").Append(Escape(ordinance.Citation)).Append("</span></th>");
        }

        html.Append("<th scope=\"col\">Differs</th></tr></thead>\n<tbody>\n");
        for (var r = 0; r < matrix.Rows.Length; r++)
        {
            var row = matrix.Rows[r];
            // Filters read these lists; statuses and provision ids are separated by spaces (ids hold none).
            var statuses = row.Cells.Select(c => Verdicts.Kebab(c.Verdict)).Distinct();
            var provisions = row.Cells.SelectMany(c => c.Applicable).Select(f => f.ProvisionId).Distinct(StringComparer.Ordinal);
            html.Append("<tr id=\"row-").Append(r.ToString(CultureInfo.InvariantCulture)).Append("\" class=\"").Append(row.Differs ? "differs" : "same").Append('"')
                .Append(" data-statuses=\"").Append(Escape(string.Join(' ', statuses))).Append("\" data-provisions=\"").Append(Escape(string.Join(' ', provisions))).Append("\">")
                .Append("<th scope=\"row\"><span class=\"file\">").Append(Escape(row.Label)).Append("</span><span class=\"name\">").Append(Escape(row.Name)).Append("</span>");
            if (!string.IsNullOrWhiteSpace(row.Description))
            {
                html.Append("<span class=\"description\">").Append(Escape(row.Description.Trim())).Append("</span>");
            }

            html.Append("</th>");
            for (var c = 0; c < row.Cells.Length; c++)
            {
                Cell(html, row.Cells[c], matrix.Ordinances[c], c);
            }

            html.Append("<td class=\"diff\">").Append(row.Differs ? Escape(MatrixTable.DiffersMark) : string.Empty).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"footer\">");
        for (var i = 0; i < matrix.Ordinances.Length; i++)
        {
            var counts = matrix.VerdictCounts(i).Select(c => $"{c.Count} {Verdicts.Headline(c.Verdict)}");
            html.Append("<strong>").Append(Escape(matrix.Ordinances[i].Label)).Append("</strong>: ").Append(Escape(string.Join(", ", counts))).Append("<br />");
        }

        html.Append("Generated by <code>ordinance compare</code>, version ").Append(Escape(ToolVersion)).Append(". Reconstructed ordinances are only as reliable as their notes say; nothing here is legal advice.</p>\n");
        Provisions(html, matrix);
        html
            .Append("<script>\n").Append(Script).Append("\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The statuses a cell's verdict can have, most serious first, then a scenario the ordinance cannot express.</summary>
    private static readonly FindingStatus?[] Statuses =
        [FindingStatus.Violated, FindingStatus.Undetermined, FindingStatus.Pending, FindingStatus.ExceptionApplies, FindingStatus.Complied, FindingStatus.NotApplicable, null];

    /// <summary>The tool's version, as decision records give it.</summary>
    internal static string ToolVersion => Json.OrdinanceJson.ToolVersion;

    /// <summary>The id of the anchor of a provision's text: generated from positions, never taken from the files.</summary>
    private static string Anchor(int column, int provision) =>
        $"text-{column.ToString(CultureInfo.InvariantCulture)}-{provision.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The text of every provision of every column, each under an anchor that findings link to.</summary>
    private static void Provisions(StringBuilder html, ComparisonMatrix matrix)
    {
        html.Append("<div class=\"provisions\">\n<h2>The provisions' text</h2>\n");
        for (var c = 0; c < matrix.Ordinances.Length; c++)
        {
            var ordinance = matrix.Ordinances[c];
            html.Append("<details open=\"open\"><summary><strong>").Append(Escape(ordinance.Label)).Append("</strong>: ").Append(Escape(ordinance.Citation)).Append("</summary>\n");
            for (var p = 0; p < ordinance.Provisions.Length; p++)
            {
                var provision = ordinance.Provisions[p];
                html.Append("<div class=\"provision\" id=\"").Append(Anchor(c, p)).Append("\"><p><strong>").Append(Escape(provision.Id)).Append("</strong> ")
                    .Append(Escape(provision.Section)).Append(": ").Append(Escape(provision.Title)).Append("</p>");
                if (provision.Origin is { } origin)
                {
                    html.Append("<p class=\"origin\">").Append(Escape(ReportRenderer.Origin(origin))).Append("</p>");
                }

                html.Append("<p>").Append(Escape(provision.Text.Trim())).Append("</p></div>\n");
            }

            html.Append("</details>\n");
        }

        html.Append("</div>\n");
    }

    private static void Cell(StringBuilder html, ComparisonCell cell, ComparedOrdinance ordinance, int column)
    {
        var verdict = Verdicts.Kebab(cell.Verdict);
        html.Append("<td class=\"cell s-").Append(verdict).Append("\" data-verdict=\"").Append(verdict).Append("\"><details><summary>")
            .Append("<span class=\"verdict\">").Append(Escape(Verdicts.Headline(cell.Verdict))).Append("</span>");
        if (!cell.Summary.IsEmpty)
        {
            html.Append("<span class=\"items\">").Append(Escape(string.Join(" · ", cell.Summary))).Append("</span>");
        }

        html.Append("</summary>");
        if (cell.Report is null)
        {
            html.Append("<p class=\"none\">The scenario uses facts this ordinance's vocabulary does not have, so it cannot be evaluated here.</p></details></td>");
            return;
        }

        html.Append("<p class=\"none\">As of ").Append(Escape(cell.Report.AsOf.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)))
            .Append(" (").Append(Escape(ordinance.TimeZone)).Append(")</p>");
        foreach (var finding in cell.Applicable)
        {
            var index = ordinance.Provisions.IndexOf(ordinance.Provisions.FirstOrDefault(p => p.Id == finding.ProvisionId)!);
            Finding(html, finding, index < 0 ? null : Anchor(column, index));
        }

        var notApplicable = cell.Report.Findings.Where(f => f.Status == FindingStatus.NotApplicable).Select(f => f.ProvisionId).Distinct().ToList();
        if (notApplicable.Count > 0)
        {
            html.Append("<p class=\"none\">Not applicable: ").Append(Escape(string.Join(", ", notApplicable))).Append("</p>");
        }

        html.Append("</details></td>");
    }

    private static void Finding(StringBuilder html, Finding finding, string? anchor)
    {
        html.Append("<div class=\"finding f-").Append(Verdicts.Kebab(finding.Status)).Append("\">")
            .Append("<p><strong>").Append(Escape(finding.ProvisionId)).Append("</strong> ").Append(Escape(Verdicts.Name(finding.Status)))
            .Append(": ").Append(Escape(finding.Title)).Append("</p>")
            .Append("<p class=\"cite\">").Append(Escape(finding.Citation)).Append("</p>")
            .Append("<p class=\"reason\">").Append(Escape(finding.Reason)).Append("</p>");
        if (finding.Origin is { } origin)
        {
            html.Append("<p class=\"origin\">").Append(Escape(ReportRenderer.Origin(origin))).Append("</p>");
        }

        if (anchor is not null)
        {
            html.Append("<p><a class=\"to-text\" href=\"#").Append(anchor).Append("\">Read the text of ").Append(Escape(finding.ProvisionId)).Append("</a></p>");
        }
        if (!finding.Facts.IsEmpty)
        {
            html.Append("<p class=\"facts\">Facts: ").Append(Escape(string.Join(", ", finding.Facts.Select(f => $"{f.Variable}={f.FactType} {f.FactId}")))).Append("</p>");
        }

        foreach (var exception in finding.Exceptions)
        {
            html.Append("<p class=\"exception\">Exception ").Append(Escape(exception.Id)).Append(" (").Append(Escape(exception.Section)).Append("): ")
                .Append(Escape(exception.Title)).Append("</p>");
        }

        if (!finding.Unknowns.IsEmpty)
        {
            html.Append("<p class=\"unknowns\">Missing: ").Append(Escape(string.Join("; ", finding.Unknowns))).Append("</p>");
        }

        if (finding.DueAt is { } due)
        {
            html.Append("<p class=\"facts\">Due: ").Append(Escape(due.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))).Append("</p>");
        }

        html.Append("</div>");
    }

    /// <summary>
    /// Escapes text for an HTML element or a quoted attribute: the five markup characters become
    /// character references, and control characters (which XML forbids) become U+FFFD.
    /// </summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\t' or '\n' or '\r': sb.Append(c); break;
                default: sb.Append(char.IsControl(c) ? '\uFFFD' : c); break;
            }
        }

        return sb.ToString();
    }
}
