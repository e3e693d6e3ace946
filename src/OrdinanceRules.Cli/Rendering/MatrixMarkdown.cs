using System.Text;
using OrdinanceRules.Cli.Comparison;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Cli.Rendering;

/// <summary>The comparison matrix as a GitHub-flavoured Markdown table, to paste into an issue, a pull request or a memo.</summary>
/// <remarks>
/// All text from the files (scenario names, titles, labels) is escaped: Markdown's punctuation with a
/// backslash, and <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> as HTML entities, because Markdown renderers pass HTML through.
/// </remarks>
internal static class MatrixMarkdown
{
    public static string Write(ComparisonMatrix matrix)
    {
        var md = new StringBuilder();
        md.Append("# Comparison: ").AppendJoin(", ", matrix.Ordinances.Select(o => Escape(o.Label))).Append("\n\n");
        foreach (var ordinance in matrix.Ordinances)
        {
            md.Append("- **").Append(Escape(ordinance.Label)).Append("**: ").Append(Escape(ordinance.Citation))
                .Append(", ").Append(Escape(ordinance.Title)).Append(" (").Append(Escape(ordinance.Path)).Append(")\n");
        }

        md.Append('\n');
        md.Append("| Scenario | ").AppendJoin(" | ", matrix.Ordinances.Select(o => Escape(o.Label))).Append(" | Differs |\n");
        md.Append("|---|").Append(string.Concat(matrix.Ordinances.Select(_ => "---|"))).Append("---|\n");
        foreach (var row in matrix.Rows)
        {
            md.Append("| ").Append(Escape(row.Label)).Append("<br>").Append(Escape(row.Name)).Append(" | ");
            foreach (var cell in row.Cells)
            {
                md.Append("**").Append(Escape(Verdicts.Headline(cell.Verdict).ToUpperInvariant())).Append("**");
                foreach (var line in cell.Summary)
                {
                    md.Append("<br>").Append(Escape(line));
                }

                md.Append(" | ");
            }

            md.Append(row.Differs ? "**" + MatrixTable.DiffersMark + "**" : string.Empty).Append(" |\n");
        }

        md.Append('\n');
        md.Append(matrix.Differences.Count()).Append(" of ").Append(matrix.Rows.Length)
            .Append(" scenario(s) differ: the cells' verdicts (the most serious status of each cell's findings) are not all the same.\n");
        return md.ToString();
    }

    /// <summary>Escapes text for a Markdown table cell: on one line, with no character that Markdown or HTML would read as markup.</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in Echo.Clean(text.ReplaceLineEndings(" ")))
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return sb.ToString();
    }
}
