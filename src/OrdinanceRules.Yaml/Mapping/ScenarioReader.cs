using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>
/// Maps a scenario file's tree onto a <see cref="ScenarioBuilder"/>, with a location for every fact and
/// value, so that the builder's own checks (unknown fields, bad values, dangling references, local times
/// a daylight-saving change skips or repeats) are reported where the value was written.
/// </summary>
internal static class ScenarioReader
{
    internal static readonly string[] RootKeys = ["scenario", "description", "as-of", "facts", "unknown"];
    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm"];

    /// <summary>Reads a scenario in an ordinance's vocabulary and time zone.</summary>
    /// <param name="text">The scenario's YAML.</param>
    /// <param name="file">The file's name, for locations.</param>
    /// <param name="ordinance">The ordinance whose vocabulary and zone the scenario uses.</param>
    /// <param name="showSensitive">Whether problems may quote values of sensitive fields.</param>
    public static Result<Scenario> Read(string text, string file, Ordinance ordinance, bool showSensitive = false)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlTreeReader.ReadRootMapping(text, file, diagnostics);
        if (root is null)
        {
            return Result<Scenario>.Failure(diagnostics);
        }

        var builder = new ScenarioBuilder(ordinance.Vocabulary, ordinance.Jurisdiction.TimeZone).ShowSensitive(showSensitive);
        var r = new MappingReader(root, "the scenario", RootKeys, diagnostics);
        var name = r.RequiredText("scenario");
        var description = r.OptionalText("description");
        if (name is not null)
        {
            builder.Named(name, description, root.Location);
        }

        if (r.Scalar("as-of", r.Optional("as-of")) is { } asOf && ReadInstant(r, asOf, ordinance.Jurisdiction.TimeZone) is { } instant)
        {
            builder.AsOf(instant);
        }

        ReadFacts(r, builder, ordinance.Vocabulary);
        ReadUnknown(r, builder);

        // The builder checks what the YAML means; its problems join the YAML's, so all are reported at once.
        var scenario = builder.TryBuild(out var problems);
        diagnostics.AddRange(problems);
        return diagnostics.Count > 0 || scenario is null
            ? Result<Scenario>.Failure(DiagnosticOrder.Sort(diagnostics, file))
            : Result<Scenario>.Success(scenario);
    }

    /// <summary>
    /// Reads a scenario written inline in another file (a test suite's case): <c>facts</c> and <c>unknown</c>
    /// of <paramref name="r"/>'s mapping, exactly as in a scenario file; the name, description and as-of come from the caller.
    /// </summary>
    /// <returns>The scenario, or null when a problem was added to <paramref name="diagnostics"/>.</returns>
    public static Scenario? ReadInline(MappingReader r, string name, string? description, SourceLocation location, Ordinance ordinance, List<Diagnostic> diagnostics, bool showSensitive)
    {
        var builder = new ScenarioBuilder(ordinance.Vocabulary, ordinance.Jurisdiction.TimeZone).Named(name, description, location).ShowSensitive(showSensitive);
        ReadFacts(r, builder, ordinance.Vocabulary);
        ReadUnknown(r, builder);

        var scenario = builder.TryBuild(out var problems);
        diagnostics.AddRange(problems);
        return problems.Count > 0 ? null : scenario;
    }

    /// <summary>An instant written in a file, read in the jurisdiction's zone; null (reported) when it is not one.</summary>
    public static DateTimeOffset? ReadInstant(MappingReader r, YamlScalar scalar, string timeZone)
    {
        var clock = JurisdictionClock.For(timeZone);
        if (clock.TryParse(scalar.Value, out var instant, out var error))
        {
            return instant;
        }

        var isLocal = DateTime.TryParseExact(scalar.Value.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        r.Report(isLocal ? DiagnosticCodes.AmbiguousLocalTime : YamlDiagnosticCodes.InvalidValue, $"'as-of': {error}", scalar.Location);
        return null;
    }

    private static void ReadUnknown(MappingReader r, ScenarioBuilder builder)
    {
        foreach (var item in r.Sequence("unknown", r.Optional("unknown"))?.Items ?? [])
        {
            if (r.Scalar("unknown", item) is { } type)
            {
                builder.UnknownWhetherAny(type.Value, type.Location);
            }
        }
    }

    private static void ReadFacts(MappingReader r, ScenarioBuilder builder, FactVocabulary vocabulary)
    {
        var items = r.Sequence("facts", r.Optional("facts"))?.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (i == YamlLimits.MaxFacts)
            {
                r.Report(YamlDiagnosticCodes.LimitExceeded, $"a scenario states at most {YamlLimits.MaxFacts:N0} facts; this one states {items.Count:N0}", item.Location);
                return;
            }

            if (item is YamlRejected)
            {
                continue;
            }

            if (item is not YamlMapping { Entries.Count: > 0 } mapping)
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"each fact must be a mapping whose first key is its type and whose value is its id, such as '- agency: ICE-ERO', not {item.Shape}", item.Location);
                continue;
            }

            var (typeKey, idNode) = mapping.Entries[0];
            if (idNode is not YamlScalar { IsEmpty: false } id)
            {
                if (idNode is not YamlRejected)
                {
                    r.Report(YamlDiagnosticCodes.WrongShape, $"the {typeKey.Value} fact needs an id after '{typeKey.Value}:', such as '- {typeKey.Value}: {typeKey.Value}-1'", idNode is YamlScalar ? typeKey.Location : idNode.Location);
                }

                continue;
            }

            vocabulary.TryGetType(typeKey.Value, out var type);
            builder.Fact(
                typeKey.Value,
                id.Value,
                fact =>
                {
                    foreach (var entry in mapping.Entries.Skip(1))
                    {
                        SetField(r, fact, id.Value, type, entry);
                    }
                },
                typeKey.Location);
        }
    }

    private static void SetField(MappingReader r, FactBuilder fact, string id, FactType? type, YamlEntry entry)
    {
        var name = entry.Key.Value;
        FieldDefinition? field = null;
        if (type is not null && !type.TryGetField(name, out field))
        {
            // The builder reports the unknown field; point it at the key rather than the value.
            fact.Set(name, null, entry.Key.Location);
            return;
        }

        switch (entry.Value)
        {
            case YamlRejected:
                return;
            case YamlScalar { IsEmpty: true }:
                r.Report(YamlDiagnosticCodes.WrongShape, $"'{id}.{name}' has no value; write the value, or unknown", entry.Key.Location);
                return;
            case YamlScalar { IsPlain: true, Value: "unknown" } scalar:
                fact.Unknown(name, scalar.Location);
                return;
            case YamlScalar { IsPlain: true, Value: "none" } scalar when field is null || !field.Type.Allows("none"):
                // Stated to have no value, unlike a field left out (its default, or unknown); quoted "none" is text.
                fact.None(name, scalar.Location);
                return;
            case YamlScalar scalar:
                fact.Set(name, Convert(scalar, field), scalar.Location);
                return;
            case YamlSequence sequence when field is null || field.Type.Kind is FieldKind.EnumerationSet or FieldKind.ReferenceSet:
                var values = new List<string>();
                foreach (var item in sequence.Items)
                {
                    if (r.Scalar(name, item) is { } value)
                    {
                        values.Add(value.Value);
                    }
                }

                if (values.Count == sequence.Items.Count)
                {
                    fact.Set(name, values, sequence.Location);
                }

                return;
            case YamlSequence sequence:
                r.Report(YamlDiagnosticCodes.WrongShape, $"'{id}.{name}' holds one value ({field.Type}), not a list", sequence.Location);
                return;
            default:
                r.Report(YamlDiagnosticCodes.WrongShape, $"'{id}.{name}' must be a value, not {entry.Value.Shape}", entry.Value.Location);
                return;
        }
    }

    /// <summary>
    /// Plain scalars take their YAML meaning where the field expects it: yes/no/true/false for yes/no
    /// fields, numbers for number fields. Quoted scalars stay text, and the builder says when text does not fit.
    /// </summary>
    private static object Convert(YamlScalar scalar, FieldDefinition? field)
    {
        if (field is null || !scalar.IsPlain)
        {
            return scalar.Value;
        }

        switch (field.Type.Kind)
        {
            case FieldKind.YesNo:
                if (scalar.Value.Equals("yes", StringComparison.OrdinalIgnoreCase) || scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (scalar.Value.Equals("no", StringComparison.OrdinalIgnoreCase) || scalar.Value.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return scalar.Value;
            case FieldKind.Number:
                return decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : scalar.Value;
            default:
                return scalar.Value;
        }
    }
}
