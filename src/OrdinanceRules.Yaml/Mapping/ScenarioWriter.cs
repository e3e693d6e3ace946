using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using OrdinanceRules.Facts;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>
/// Writes a scenario back as YAML that <see cref="ScenarioReader"/> reads into the same scenario: every text in
/// double quotes (so that no value takes another YAML meaning), instants with their offsets, unknown values as
/// <c>unknown</c>, and the fact types whose further facts are unknown under <c>unknown:</c>.
/// </summary>
internal static class ScenarioWriter
{
    public static string Write(Scenario scenario)
    {
        var yaml = new StringBuilder();
        yaml.Append("scenario: ").Append(Quote(scenario.Name)).Append('\n');
        if (scenario.Description is { } description)
        {
            yaml.Append("description: ").Append(Quote(description)).Append('\n');
        }

        if (scenario.AsOf is { } asOf)
        {
            yaml.Append("as-of: ").Append(Instant(asOf)).Append('\n');
        }

        yaml.Append(scenario.Facts.IsEmpty ? "facts: []\n" : "facts:\n");
        foreach (var fact in scenario.Facts)
        {
            yaml.Append("  - ").Append(fact.Type.Name).Append(": ").Append(Quote(fact.Id)).Append('\n');
            for (var i = 0; i < fact.Type.Fields.Length; i++)
            {
                var value = fact.ValueAt(i);
                if (fact.RawAt(i) is NoneMarker)
                {
                    yaml.Append("    ").Append(fact.Type.Fields[i].Name).Append(": none\n");
                    continue;
                }

                if (value.State == ValueState.Absent)
                {
                    continue;
                }

                yaml.Append("    ").Append(fact.Type.Fields[i].Name).Append(": ")
                    .Append(value.State == ValueState.Unknown ? "unknown" : Value(value.Value!)).Append('\n');
            }
        }

        if (!scenario.UnknownTypes.IsEmpty)
        {
            yaml.Append("unknown: [").AppendJoin(", ", scenario.UnknownTypes.Select(Quote)).Append("]\n");
        }

        return yaml.ToString();
    }

    private static string Value(object value) => value switch
    {
        bool b => b ? "yes" : "no",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        TimeSpan t => Quote(DurationText.Format(t)),
        DateTimeOffset t => Instant(t),
        Fact f => Quote(f.Id),
        ImmutableArray<string> set => "[" + string.Join(", ", set.Select(Quote)) + "]",
        ImmutableArray<Fact> references => "[" + string.Join(", ", references.Select(r => Quote(r.Id))) + "]",
        string s => Quote(s),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    private static string Instant(DateTimeOffset instant) =>
        Quote(instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));

    /// <summary>A YAML double-quoted scalar: backslash, quote and every control character escaped.</summary>
    private static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        return quoted.Append('"').ToString();
    }
}
