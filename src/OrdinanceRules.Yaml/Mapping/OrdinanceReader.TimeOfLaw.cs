using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>
/// The time of the law and the law stack: a jurisdiction's <c>level</c>, the ordinance's <c>assume-in-force</c>
/// and <c>amendments</c>, a provision's <c>in-force</c> and <c>prevails-over</c>, and an exception's <c>lapses</c>.
/// </summary>
internal sealed partial class OrdinanceReader
{
    internal static readonly string[] AmendmentKeys = ["id", "title", "adopted", "effective", "affects", "text-known", "notes"];
    internal static readonly string[] InForceKeys = ["from", "until"];
    internal static readonly string[] VersionKeys = ["from", "until", "text", "text-known", "applies-when", "violated-when", "source"];
    internal static readonly string[] LapseKeys = ["at", "if", "restart-within"];
    internal static readonly (string Word, JurisdictionLevel Level)[] Levels =
    [
        ("city", JurisdictionLevel.City),
        ("county", JurisdictionLevel.County),
        ("state", JurisdictionLevel.State),
        ("federal", JurisdictionLevel.Federal),
    ];

    private static readonly string[] LevelWords = [.. Levels.Select(l => l.Word)];

    /// <summary><c>level:</c> of the jurisdiction; left out, a city.</summary>
    private static JurisdictionLevel? ReadLevel(MappingReader r)
    {
        var scalar = r.Scalar("level", r.Optional("level"));
        if (scalar is null)
        {
            return r.Has("level") ? null : JurisdictionLevel.City;
        }

        foreach (var (word, level) in Levels)
        {
            if (word == scalar.Value)
            {
                return level;
            }
        }

        r.Report(
            YamlDiagnosticCodes.InvalidValue,
            $"'level' must be one of {string.Join(", ", LevelWords)}, not '{scalar.Value}'{Suggestions.DidYouMean(scalar.Value, LevelWords)}",
            scalar.Location);
        return null;
    }

    /// <summary><c>assume-in-force:</c> a condition, which only matters (and so is only allowed) when <c>effective</c> is unknown.</summary>
    private static ConditionText? ReadAssumeInForce(MappingReader r, DateOnly? effective)
    {
        var condition = r.OptionalCondition("assume-in-force");
        if (condition is not null && effective is not null)
        {
            r.Report(
                DiagnosticCodes.InvalidOrdinance,
                $"'assume-in-force' only applies when 'effective' is unknown, and this ordinance takes effect on {effective.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                r.KeyNode("assume-in-force")!.Location);
            return null;
        }

        return condition;
    }

    /// <summary><c>amendments:</c>, a list of <c>{ id, title, adopted, effective, affects, text-known, notes }</c>.</summary>
    private List<(Amendment Amendment, ImmutableArray<YamlScalar> Affects)> ReadAmendments(MappingReader root)
    {
        var read = new List<(Amendment, ImmutableArray<YamlScalar>)>();
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var sequence = root.Sequence("amendments", root.Optional("amendments"));
        for (var i = 0; i < (sequence?.Items.Count ?? 0); i++)
        {
            var item = sequence!.Items[i];
            var mapping = root.Mapping("amendments", item, $"each amendment must be a mapping with id, title, affects and text-known, not {item.Shape}");
            if (mapping is not null && ReadAmendment(mapping, i, ids) is { } amendment)
            {
                read.Add(amendment);
            }
        }

        return read;
    }

    private (Amendment, ImmutableArray<YamlScalar>)? ReadAmendment(YamlMapping mapping, int index, Dictionary<string, SourceLocation> ids)
    {
        var peeked = MappingReader.Peek(mapping, "id");
        var r = new MappingReader(mapping, peeked is null ? $"amendment {index + 1}" : $"amendment '{peeked}'", AmendmentKeys, _diagnostics);
        var before = _diagnostics.Count;
        var id = r.Scalar("id", r.Required("id"));
        if (id is not null)
        {
            if (ids.TryGetValue(id.Value, out var first))
            {
                r.Report(DiagnosticCodes.InvalidOrdinance, $"amendment id '{id.Value}' is already used at line {first.Line}; amendment ids must be unique", id.Location);
            }
            else
            {
                ids.Add(id.Value, id.Location);
            }
        }

        var title = r.RequiredText("title");
        var adopted = ReadDate(r, "adopted");
        var effective = ReadDate(r, "effective");
        if (adopted is { } a && effective is { } e && e < a)
        {
            r.Report(YamlDiagnosticCodes.InvalidValue, $"'effective' of {r.Context} ({Day(e)}) comes before its 'adopted' ({Day(a)})", r.Optional("effective")!.Location);
        }

        var affects = ReadIdList(r, "affects", r.Required("affects"), requireOne: true);
        var textKnown = ReadYesNo(r, "text-known", r.Required("text-known"));
        var notes = r.OptionalText("notes");
        if (_diagnostics.Count > before || id is null || title is null || affects is null || textKnown is null)
        {
            return null;
        }

        var amendment = new Amendment
        {
            Id = id.Value,
            Title = title,
            AdoptedOn = adopted,
            EffectiveFrom = effective,
            Affects = [.. affects.Value.Select(s => s.Value)],
            TextKnown = textKnown.Value,
            Notes = notes,
            Location = mapping.Location,
        };
        return (amendment, affects.Value);
    }

    /// <summary>Each id an amendment <c>affects</c> must be a provision of the ordinance.</summary>
    private void CheckAffects(IEnumerable<(Amendment Amendment, ImmutableArray<YamlScalar> Affects)> amendments, ImmutableArray<Provision> provisions)
    {
        var known = provisions.Select(p => p.Id).ToList();
        foreach (var (amendment, affects) in amendments)
        {
            foreach (var id in affects.Where(s => !known.Contains(s.Value, StringComparer.Ordinal)))
            {
                _diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.InvalidOrdinance,
                    $"amendment '{amendment.Id}' affects '{id.Value}', which is not a provision of this ordinance (provisions: {string.Join(", ", known)}){Suggestions.DidYouMean(id.Value, known)}",
                    id.Location));
            }
        }
    }

    /// <summary>Each id a provision <c>prevails-over</c> or <c>narrows</c> must be another provision of the ordinance.</summary>
    private void CheckPrevailsOver(ImmutableArray<Provision> provisions)
    {
        var known = provisions.Select(p => p.Id).ToList();
        foreach (var (provision, key, ids) in _prevailsOver)
        {
            var verb = key == "narrows" ? "narrows" : "prevails over";
            foreach (var id in ids)
            {
                if (id.Value == provision)
                {
                    _diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"provision '{provision}' names itself in '{key}'; list the provisions it {verb}", id.Location));
                }
                else if (!known.Contains(id.Value, StringComparer.Ordinal))
                {
                    _diagnostics.Add(new Diagnostic(
                        DiagnosticCodes.InvalidOrdinance,
                        $"provision '{provision}' {verb} '{id.Value}', which is not a provision of this ordinance (provisions: {string.Join(", ", known)}){Suggestions.DidYouMean(id.Value, known)}",
                        id.Location));
                }
            }
        }
    }

    /// <summary>A provision's <c>in-force: { from: DATE, until: DATE }</c>; at least one, and <c>until</c> after <c>from</c>.</summary>
    private InForcePeriod? ReadInForce(MappingReader parent, YamlNode? node)
    {
        var mapping = parent.Mapping("in-force", node, $"'in-force' in {parent.Context} must be a mapping with 'from', 'until' or both, such as {{ from: 2022-07-01 }}, not {node?.Shape}");
        if (mapping is null)
        {
            return null;
        }

        var before = _diagnostics.Count;
        var r = new MappingReader(mapping, $"'in-force' of {parent.Context}", InForceKeys, _diagnostics);
        var from = ReadDate(r, "from");
        var until = ReadDate(r, "until");
        if (_diagnostics.Count > before)
        {
            return null;
        }

        if (from is null && until is null)
        {
            r.Report(YamlDiagnosticCodes.MissingKey, $"{r.Context} needs 'from', 'until' or both, each a date such as 2022-07-01", mapping.Location);
            return null;
        }

        if (from is { } f && until is { } u && u <= f)
        {
            r.Report(YamlDiagnosticCodes.InvalidValue, $"'until' ({Day(u)}) must come after 'from' ({Day(f)}) in {r.Context}", r.Optional("until")!.Location);
            return null;
        }

        return new InForcePeriod(from, until);
    }

    /// <summary>
    /// A provision's <c>versions:</c>, a list of <c>{ from, until, text, text-known, applies-when, violated-when, source }</c>:
    /// each a wording over a period. A version with <c>text-known: no</c> gives no text and no conditions.
    /// </summary>
    private ImmutableArray<ProvisionVersion>? ReadVersions(MappingReader parent, YamlNode node)
    {
        var sequence = parent.Sequence("versions", node);
        if (sequence is null)
        {
            return null;
        }

        if (sequence.Items.Count == 0)
        {
            parent.Report(YamlDiagnosticCodes.InvalidValue, $"'versions' of {parent.Context} is empty: list each wording with its 'from' day, or leave 'versions' out", sequence.Location);
            return null;
        }

        var before = _diagnostics.Count;
        var versions = ImmutableArray.CreateBuilder<ProvisionVersion>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var mapping = parent.Mapping("versions", sequence.Items[i], $"each version in {parent.Context} must be a mapping with 'from' and 'text', not {sequence.Items[i].Shape}");
            if (mapping is null)
            {
                continue;
            }

            var r = new MappingReader(mapping, $"version {i + 1} of {parent.Context}", VersionKeys, _diagnostics);
            var from = ReadDate(r, "from");
            var until = ReadDate(r, "until");
            var textKnown = r.Optional("text-known") is { } known ? ReadYesNo(r, "text-known", known) : true;
            var text = r.OptionalText("text");
            var appliesWhen = r.OptionalCondition("applies-when");
            var violatedWhen = r.OptionalCondition("violated-when");
            if (textKnown == true && text is null)
            {
                r.Report(YamlDiagnosticCodes.MissingKey, $"{r.Context} needs 'text' (its wording), or 'text-known: no' when its wording is not known", mapping.Location);
            }

            if (textKnown == false && (text is not null || appliesWhen is not null || violatedWhen is not null))
            {
                r.Report(YamlDiagnosticCodes.InvalidValue, $"{r.Context} says 'text-known: no' but gives its text or conditions: drop 'text-known', or drop the text and conditions", mapping.Location);
            }

            versions.Add(new ProvisionVersion
            {
                From = from,
                Until = until,
                TextKnown = textKnown ?? true,
                Text = text,
                AppliesWhen = appliesWhen,
                ViolatedWhen = violatedWhen,
                Source = r.OptionalText("source"),
                Location = mapping.Location,
            });
        }

        return _diagnostics.Count > before ? null : versions.ToImmutable();
    }

    /// <summary>An exception's <c>lapses: { at: &lt;instant&gt;, if: &lt;condition&gt;, restart-within: 48h }</c>.</summary>
    private Lapse? ReadLapse(MappingReader parent, YamlNode node)
    {
        var mapping = parent.Mapping("lapses", node, $"'lapses' in {parent.Context} must be a mapping with 'at', 'restart-within' and optionally 'if', not {node.Shape}");
        if (mapping is null)
        {
            return null;
        }

        var before = _diagnostics.Count;
        var r = new MappingReader(mapping, $"'lapses' of {parent.Context}", LapseKeys, _diagnostics);
        var at = r.RequiredCondition("at");
        var condition = r.OptionalCondition("if");
        var within = r.Scalar("restart-within", r.Required("restart-within"));
        TimeSpan? restart = null;
        if (within is not null)
        {
            if (!DurationText.TryParse(within.Value, out var parsed, out var tooLarge))
            {
                r.Report(YamlDiagnosticCodes.InvalidValue, tooLarge is null ? $"'restart-within' must be a duration such as 48h, 30m, 2d or 1h30m, not '{Echo.Value(within.Value)}'" : $"'restart-within': {tooLarge}", within.Location);
            }
            else if (parsed <= TimeSpan.Zero)
            {
                r.Report(YamlDiagnosticCodes.InvalidValue, $"'restart-within' must be a duration longer than zero, not '{within.Value}'", within.Location);
            }
            else
            {
                restart = parsed;
            }
        }

        return _diagnostics.Count > before || at is null || restart is null ? null : new Lapse(at, condition, restart.Value);
    }

    /// <summary>A list of ids, such as <c>prevails-over: [P6]</c> or <c>affects: [P2, P3]</c>; each given once.</summary>
    private static ImmutableArray<YamlScalar>? ReadIdList(MappingReader r, string key, YamlNode? node, bool requireOne)
    {
        var sequence = r.Sequence(key, node);
        if (sequence is null)
        {
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<YamlScalar>();
        var ok = true;
        foreach (var item in sequence.Items)
        {
            if (item is YamlRejected)
            {
                ok = false;
                continue;
            }

            if (item is not YamlScalar { IsEmpty: false } scalar)
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"each entry of '{key}' in {r.Context} must be a provision id, not {item.Shape}", item.Location);
                ok = false;
                continue;
            }

            if (builder.Any(s => s.Value == scalar.Value))
            {
                r.Report(YamlDiagnosticCodes.InvalidValue, $"'{key}' in {r.Context} lists '{scalar.Value}' twice", scalar.Location);
                ok = false;
                continue;
            }

            builder.Add(scalar);
        }

        if (requireOne && sequence.Items.Count == 0)
        {
            r.Report(YamlDiagnosticCodes.WrongShape, $"'{key}' in {r.Context} must list at least one provision id", sequence.Location);
            return null;
        }

        return ok ? builder.ToImmutable() : null;
    }

    /// <summary>A plain <c>yes</c> or <c>no</c>.</summary>
    private static bool? ReadYesNo(MappingReader r, string key, YamlNode? node) => YesNo.Read(r, key, node);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
