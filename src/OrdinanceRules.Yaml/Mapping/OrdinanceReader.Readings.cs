using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>The ordinance's interpretive readings and holiday calendars.</summary>
internal sealed partial class OrdinanceReader
{
    private const string NameRule = "must start with a letter or digit and hold only letters, digits, '-', '_' and '.'";

    /// <summary>
    /// <c>readings:</c>, a list of <c>{ name, question, alternatives: { alternative: description, ... }, default }</c>;
    /// the alternatives keep the order they are written in.
    /// </summary>
    private ImmutableArray<Model.Reading> ReadReadings(MappingReader root)
    {
        var builder = ImmutableArray.CreateBuilder<Model.Reading>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var sequence = root.Sequence("readings", root.Optional("readings"));
        for (var i = 0; i < (sequence?.Items.Count ?? 0); i++)
        {
            var item = sequence!.Items[i];
            var mapping = root.Mapping("readings", item, $"each reading must be a mapping with name, question, alternatives and default, not {item.Shape}");
            if (mapping is not null && ReadReading(mapping, i, names) is { } reading)
            {
                builder.Add(reading);
            }
        }

        return builder.ToImmutable();
    }

    private Model.Reading? ReadReading(YamlMapping mapping, int index, Dictionary<string, SourceLocation> names)
    {
        var peeked = MappingReader.Peek(mapping, "name");
        var r = new MappingReader(mapping, peeked is null ? $"reading {index + 1}" : $"reading '{peeked}'", ReadingKeys, _diagnostics);
        var before = _diagnostics.Count;
        var name = r.Scalar("name", r.Required("name"));
        if (name is not null)
        {
            if (!Identifiers.IsValidId(name.Value))
            {
                r.Report(YamlDiagnosticCodes.InvalidValue, $"reading name '{name.Value}' {NameRule}", name.Location);
            }
            else if (names.TryGetValue(name.Value, out var first))
            {
                r.Report(DiagnosticCodes.InvalidOrdinance, $"reading '{name.Value}' is already declared at line {first.Line}; reading names must be unique", name.Location);
            }
            else
            {
                names.Add(name.Value, name.Location);
            }
        }

        var question = r.RequiredText("question");
        var alternatives = ReadAlternatives(r, r.Required("alternatives"));
        var chosen = r.Scalar("default", r.Required("default"));
        if (chosen is not null && alternatives is { } known && !known.Any(a => a.Name == chosen.Value))
        {
            var words = known.Select(a => a.Name).ToList();
            r.Report(
                YamlDiagnosticCodes.InvalidValue,
                $"the default of {r.Context} must be one of its alternatives ({string.Join(", ", words)}), not '{chosen.Value}'{Suggestions.DidYouMean(chosen.Value, words)}",
                chosen.Location);
        }

        if (_diagnostics.Count > before || name is null || question is null || alternatives is null || chosen is null)
        {
            return null;
        }

        return new Model.Reading
        {
            Name = name.Value,
            Question = question,
            Alternatives = alternatives.Value,
            Default = chosen.Value,
            Location = mapping.Location,
        };
    }

    private static ImmutableArray<ReadingAlternative>? ReadAlternatives(MappingReader r, YamlNode? node)
    {
        var mapping = r.Mapping("alternatives", node, $"'alternatives' in {r.Context} must be a mapping of alternative: description, such as {{ inclusive: ..., exclusive: ... }}, not {node?.Shape}");
        if (mapping is null)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<ReadingAlternative>();
        var ok = true;
        foreach (var (key, value) in mapping.Entries)
        {
            if (!Identifiers.IsValidId(key.Value))
            {
                r.Report(YamlDiagnosticCodes.InvalidValue, $"alternative '{key.Value}' of {r.Context} {NameRule}", key.Location);
                ok = false;
            }

            if (value is YamlRejected)
            {
                ok = false;
            }
            else if (r.Text(key.Value, value) is { } description)
            {
                builder.Add(new ReadingAlternative(key.Value, description));
            }
            else
            {
                ok = false;
            }
        }

        if (mapping.Entries.Count < 2)
        {
            r.Report(YamlDiagnosticCodes.WrongShape, $"'alternatives' in {r.Context} must list at least two alternatives, each with a description", mapping.Location);
            return null;
        }

        return ok ? builder.ToImmutable() : null;
    }

    /// <summary><c>calendars:</c>, a mapping of calendar name to a list of holidays (<c>YYYY-MM-DD</c>).</summary>
    private ImmutableArray<HolidayCalendar> ReadCalendars(MappingReader root)
    {
        var node = root.Optional("calendars");
        var mapping = root.Mapping("calendars", node, $"'calendars' must be a mapping of calendar name to a list of dates, such as {{ us-federal: [2021-01-01, 2021-01-18] }}, not {node?.Shape}");
        if (mapping is null)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<HolidayCalendar>();
        foreach (var (key, value) in mapping.Entries)
        {
            var before = _diagnostics.Count;
            if (!Identifiers.IsValidId(key.Value))
            {
                root.Report(YamlDiagnosticCodes.InvalidValue, $"calendar name '{key.Value}' {NameRule}", key.Location);
            }

            if (value is YamlRejected)
            {
                continue;
            }

            if (value is not YamlSequence dates)
            {
                root.Report(YamlDiagnosticCodes.WrongShape, $"calendar '{key.Value}' must be a list of dates such as [2021-01-01, 2021-01-18], not {value.Shape}", value.Location);
                continue;
            }

            var days = ImmutableArray.CreateBuilder<DateOnly>();
            var seen = new Dictionary<DateOnly, SourceLocation>();
            foreach (var item in dates.Items)
            {
                if (item is YamlRejected)
                {
                    continue;
                }

                if (item is not YamlScalar { IsEmpty: false } scalar ||
                    !DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    var shown = item is YamlScalar text ? $"'{text.Value}'" : item.Shape;
                    root.Report(YamlDiagnosticCodes.InvalidValue, $"each holiday of calendar '{key.Value}' must be a date such as 2021-07-05, not {shown}", item.Location);
                    continue;
                }

                if (seen.TryGetValue(day, out var first))
                {
                    root.Report(YamlDiagnosticCodes.InvalidValue, $"calendar '{key.Value}' lists {scalar.Value} twice (first at line {first.Line})", scalar.Location);
                    continue;
                }

                seen.Add(day, scalar.Location);
                days.Add(day);
            }

            if (_diagnostics.Count == before)
            {
                builder.Add(new HolidayCalendar(key.Value, days.ToImmutable()));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// A deadline: <c>within</c> and <c>from</c> (optionally <c>counting</c> and <c>calendar</c>), or <c>due</c>;
    /// with either, <c>inclusive</c> (a condition) and <c>anchor</c> (words).
    /// </summary>
    private Deadline? ReadDeadline(MappingReader parent, YamlNode node)
    {
        var mapping = parent.Mapping("deadline", node, $"'deadline' in {parent.Context} must be a mapping with 'within' and 'from', or 'due', not {node.Shape}");
        if (mapping is null)
        {
            return null;
        }

        var before = _diagnostics.Count;
        var r = new MappingReader(mapping, $"'deadline' of {parent.Context}", DeadlineKeys, _diagnostics);
        TimeSpan? within = null;
        ConditionText? from = null;
        ConditionText? due = null;
        YamlScalar? withinNode = null;
        if (r.Has("due"))
        {
            due = r.RequiredCondition("due");
            foreach (var key in new[] { "within", "from", "counting", "calendar" })
            {
                if (r.KeyNode(key) is { } keyNode)
                {
                    r.Report(YamlDiagnosticCodes.WrongShape, $"'{key}' does not go with 'due' in {r.Context}: give the due instant as 'due', or a duration as 'within' and 'from'", keyNode.Location);
                }
            }
        }
        else if (!r.Has("within") && !r.Has("from"))
        {
            r.Report(YamlDiagnosticCodes.MissingKey, $"{r.Context} needs 'within' and 'from' (a duration from an instant), or 'due' (the due instant)", mapping.Location);
        }
        else
        {
            withinNode = r.Scalar("within", r.Required("within"));
            if (withinNode is not null)
            {
                if (!DurationText.TryParse(withinNode.Value, out var parsed, out var tooLarge))
                {
                    var calendarTime = tooLarge is null && Conditions.CalendarPeriod.TryParse(withinNode.Value, out _, out _)
                        ? $": 'within' counts elapsed time; for calendar time give the due instant, such as due: {(r.Optional("from") is YamlScalar { IsEmpty: false } f ? f.Value : "k.receivedAt")} + {withinNode.Value}"
                        : string.Empty;
                    r.Report(YamlDiagnosticCodes.InvalidValue, tooLarge is null ? $"'within' must be a duration such as 48h, 30m, 2d or 1h30m, not '{Echo.Value(withinNode.Value)}'{calendarTime}" : $"'within': {tooLarge}", withinNode.Location);
                }
                else if (parsed <= TimeSpan.Zero)
                {
                    r.Report(YamlDiagnosticCodes.InvalidValue, $"'within' must be a duration longer than zero, not '{withinNode.Value}'", withinNode.Location);
                }
                else
                {
                    within = parsed;
                }
            }

            from = r.RequiredCondition("from");
        }

        var inclusive = r.OptionalCondition("inclusive");
        var counting = due is null ? ReadCounting(r) : DeadlineCounting.Elapsed;
        if (counting == DeadlineCounting.BusinessDays && within is { } days && days.Ticks % TimeSpan.TicksPerDay != 0)
        {
            r.Report(YamlDiagnosticCodes.InvalidValue, $"counting business-days needs 'within' in whole days, such as 5d, not '{withinNode!.Value}'", withinNode.Location);
        }

        var calendar = due is null ? ReadCalendarName(r, counting) : null;
        var anchor = r.OptionalText("anchor");
        if (_diagnostics.Count > before)
        {
            return null;
        }

        return new Deadline
        {
            Within = within,
            From = from,
            Due = due,
            Inclusive = inclusive,
            Counting = counting,
            Calendar = calendar,
            Description = anchor,
        };
    }

    private static DeadlineCounting ReadCounting(MappingReader r)
    {
        var scalar = r.Scalar("counting", r.Optional("counting"));
        if (scalar is null)
        {
            return DeadlineCounting.Elapsed;
        }

        foreach (var (word, counting) in Countings)
        {
            if (word == scalar.Value)
            {
                return counting;
            }
        }

        r.Report(
            YamlDiagnosticCodes.InvalidValue,
            $"'counting' must be one of {string.Join(", ", CountingWords)}, not '{scalar.Value}'{Suggestions.DidYouMean(scalar.Value, CountingWords)}",
            scalar.Location);
        return DeadlineCounting.Elapsed;
    }

    private string? ReadCalendarName(MappingReader r, DeadlineCounting counting)
    {
        var scalar = r.Scalar("calendar", r.Optional("calendar"));
        if (scalar is null)
        {
            return null;
        }

        if (counting == DeadlineCounting.Elapsed)
        {
            r.Report(YamlDiagnosticCodes.WrongShape, $"'calendar' in {r.Context} needs 'counting: business-hours' or 'counting: business-days'; elapsed time skips no days", r.KeyNode("calendar")!.Location);
            return null;
        }

        if (!_calendars.Any(c => c.Name == scalar.Value))
        {
            var names = _calendars.Select(c => c.Name).ToList();
            var declared = names.Count == 0 ? "the ordinance declares none under 'calendars'" : $"calendars: {string.Join(", ", names)}";
            r.Report(DiagnosticCodes.InvalidOrdinance, $"'calendar' names '{scalar.Value}', which is not declared ({declared}){Suggestions.DidYouMean(scalar.Value, names)}", scalar.Location);
            return null;
        }

        return scalar.Value;
    }
}
