using OrdinanceRules.Model;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>A provision's <c>recurs:</c>: a duty each month, quarter or year, whose periods the engine generates.</summary>
internal sealed partial class OrdinanceReader
{
    internal static readonly string[] RecursKeys = ["every", "as", "from"];

    private static readonly (string Word, RecurrenceUnit Unit)[] RecurrenceUnits =
    [
        ("month", RecurrenceUnit.Month),
        ("quarter", RecurrenceUnit.Quarter),
        ("year", RecurrenceUnit.Year),
    ];

    /// <summary>How a unit is often written instead: plural, or as the adverb of the text ("quarterly").</summary>
    private static readonly Dictionary<string, string> Spellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["months"] = "month",
        ["monthly"] = "month",
        ["quarters"] = "quarter",
        ["quarterly"] = "quarter",
        ["years"] = "year",
        ["yearly"] = "year",
        ["annually"] = "year",
        ["annual"] = "year",
    };

    internal static readonly string[] RecurrenceWords = [.. RecurrenceUnits.Select(u => u.Word)];

    /// <summary><c>recurs: { every: quarter, as: q, from: 2021-01-01 }</c>; <c>from</c> is optional.</summary>
    private Recurrence? ReadRecurs(MappingReader parent, YamlNode node)
    {
        var mapping = parent.Mapping("recurs", node, $"'recurs' in {parent.Context} must be a mapping with 'every' and 'as', such as {{ every: quarter, as: q }}, not {node.Shape}");
        if (mapping is null)
        {
            return null;
        }

        var before = _diagnostics.Count;
        var r = new MappingReader(mapping, $"'recurs' of {parent.Context}", RecursKeys, _diagnostics);
        var every = r.Scalar("every", r.Required("every"));
        RecurrenceUnit? unit = null;
        if (every is not null)
        {
            unit = RecurrenceUnits.Where(u => u.Word == every.Value).Select(u => (RecurrenceUnit?)u.Unit).FirstOrDefault();
            if (unit is null)
            {
                var hint = Spellings.TryGetValue(every.Value, out var meant) ? $"; write the unit alone, '{meant}'" : Suggestions.DidYouMean(every.Value, RecurrenceWords);
                r.Report(YamlDiagnosticCodes.InvalidValue, $"'every' must be one of {string.Join(", ", RecurrenceWords)}, not '{every.Value}'{hint}", every.Location);
            }
        }

        var variable = r.Scalar("as", r.Required("as"));
        var from = ReadDate(r, "from");
        if (_diagnostics.Count > before || unit is null || variable is null)
        {
            return null;
        }

        return new Recurrence { Every = unit.Value, Variable = variable.Value, From = from, Location = mapping.Location };
    }
}
