using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>
/// An ordinance that extends another (<c>extends:</c>), after OpenFisca's reforms: the base is read whole, then the
/// extending file sets the base's parameters, replaces or removes its provisions by id, changes their citations,
/// and adds its own. The merge happens here; the core sees one ordinary <see cref="Ordinance"/>, whose kept
/// provisions carry a <see cref="ProvisionOrigin"/>.
/// </summary>
internal sealed partial class OrdinanceReader
{
    internal static readonly string[] ParameterKeys = ["type", "description", "default", "choices"];
    internal static readonly string[] OverrideKeys = ["remove", "replace", "section", "title", "text", "binds", "source"];
    private static readonly string[] EditKeys = ["section", "title", "text", "binds", "source"];
    private static readonly (string Word, ParameterKind Kind)[] ParameterKinds =
    [
        ("yes-no", ParameterKind.YesNo),
        ("number", ParameterKind.Number),
        ("duration", ParameterKind.Duration),
        ("text", ParameterKind.Text),
        ("text-list", ParameterKind.TextList),
        ("choice", ParameterKind.Choice),
        ("choice-set", ParameterKind.ChoiceSet),
    ];

    internal static readonly string[] ParameterKindWords = [.. ParameterKinds.Select(k => k.Word)];

    /// <summary>What an extending file says about one provision of its base, keyed by the provision's id.</summary>
    private sealed record Override(YamlScalar Key, bool Remove, Provision? Replacement, string? Section, string? Title, string? Text, string? Binds, string? Source);

    private static string ChainKey(string file)
    {
        try
        {
            return Path.GetFullPath(file);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return file;
        }
    }

    /// <summary>Reads the file <c>extends:</c> names, relative to this file; null (reported) when it is missing, in a cycle, or has problems.</summary>
    private Ordinance? ReadBase(YamlScalar extends)
    {
        var value = extends.Value;
        if (Path.IsPathRooted(value) || !(value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
        {
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.InvalidValue, $"'extends' must be the path of an ordinance's .yaml file relative to this one, not '{Echo.Value(value)}'", extends.ContentLocation));
            return null;
        }

        var path = _resolveFile is not null
            ? Path.Combine(Path.GetDirectoryName(_file) ?? string.Empty, value)
            : SourceFiles.Resolve(_file, value, _options, "extends", extends.ContentLocation, _diagnostics);
        if (path is null)
        {
            return null;
        }

        var key = ChainKey(path);
        if (_chain.Contains(key, StringComparer.Ordinal))
        {
            var cycle = string.Join(" → ", _chain.SkipWhile(f => f != key).Append(key).Select(Path.GetFileName));
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.ExtendsCycle, $"'extends' makes a cycle: {cycle}; an ordinance cannot extend itself, directly or through its bases", extends.ContentLocation));
            return null;
        }

        if (_chain.Length >= YamlLimits.MaxExtendsDepth)
        {
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.LimitExceeded, $"'extends' chains more than {YamlLimits.MaxExtendsDepth} ordinances", extends.ContentLocation));
            return null;
        }

        // A resolver given for text (tests, embedders) is asked for the base by its path relative to the first file.
        var text = ReadReferencedFile(path, path, extends.ContentLocation);
        if (text is null)
        {
            return null;
        }

        var result = new OrdinanceReader(path, _resolveFile, _options, _chain).Read(text);
        if (!result.Succeeded)
        {
            _diagnostics.AddRange(result.Diagnostics);
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"the ordinance '{Echo.Value(value)}' that this one extends has the problems above; fix them first", extends.ContentLocation));
            return null;
        }

        // The extending ordinance's content hash covers its base: a change to the model changes the city's hash.
        _texts.Add(result.Value.ContentHash ?? text);
        return result.Value;
    }

    /// <summary>
    /// <c>parameters:</c>. Each entry is a declaration (a mapping with type, default, description and, for choices,
    /// choices) or, in a file that extends another, a value for a parameter its base declares (<c>name: value</c>).
    /// </summary>
    private ImmutableArray<Parameter>? ReadParameters(MappingReader root, Ordinance? baseOrdinance, bool extending)
    {
        var inherited = baseOrdinance?.Parameters ?? [];
        var node = root.Optional("parameters");
        var mapping = root.Mapping("parameters", node, $"'parameters' must be a mapping of parameter name to its declaration (type, default, description), not {node?.Shape}");
        if (mapping is null)
        {
            return node is null ? inherited : null;
        }

        var before = _diagnostics.Count;
        var result = inherited.ToList();
        foreach (var (key, value) in mapping.Entries)
        {
            if (value is YamlRejected)
            {
                continue;
            }

            var index = result.FindIndex(p => p.Name == key.Value);
            if (value is YamlMapping declaration)
            {
                if (index >= 0)
                {
                    root.Report(DiagnosticCodes.InvalidOrdinance, $"parameter '{key.Value}' is already declared by {result[index].DeclaredBy}; set its value here as '{key.Value}: value'", key.Location);
                    continue;
                }

                if (ReadParameterDeclaration(key, declaration) is { } declared)
                {
                    result.Add(declared);
                }

                continue;
            }

            if (!extending)
            {
                root.Report(YamlDiagnosticCodes.WrongShape, $"parameter '{key.Value}' must be declared with a mapping of type, default and description, such as {{ type: duration, default: 48h, description: ... }}", value.Location);
                continue;
            }

            if (index < 0)
            {
                if (baseOrdinance is not null)
                {
                    var names = inherited.Select(p => p.Name).ToList();
                    root.Report(YamlDiagnosticCodes.UnknownOverride, names.Count == 0
                        ? $"parameter '{Echo.Value(key.Value)}' is not declared by {baseOrdinance.Citation}, which declares no parameters; declare a new one with a mapping of type, default and description"
                        : $"parameter '{Echo.Value(key.Value)}' is not declared by {baseOrdinance.Citation} (its parameters: {string.Join(", ", names)}){Suggestions.DidYouMean(key.Value, names)}", key.Location);
                }

                continue;
            }

            var parameter = result[index];
            if (ReadParameterValue(root, key.Value, parameter.Kind, parameter.Choices, value) is { } set)
            {
                result[index] = parameter with { Value = set, SetAt = key.Location };
            }
        }

        return _diagnostics.Count > before ? null : [.. result];
    }

    private Parameter? ReadParameterDeclaration(YamlScalar name, YamlMapping mapping)
    {
        var r = new MappingReader(mapping, $"parameter '{name.Value}'", ParameterKeys, _diagnostics);
        var before = _diagnostics.Count;
        if (!Identifiers.IsValidId(name.Value))
        {
            r.Report(YamlDiagnosticCodes.InvalidValue, $"parameter name '{name.Value}' {NameRule}", name.Location);
        }

        var description = r.RequiredText("description");
        var kindNode = r.Scalar("type", r.Required("type"));
        ParameterKind? kind = null;
        if (kindNode is not null)
        {
            kind = ParameterKinds.Where(k => k.Word == kindNode.Value).Select(k => (ParameterKind?)k.Kind).FirstOrDefault();
            if (kind is null)
            {
                r.Report(YamlDiagnosticCodes.InvalidValue, $"the type of {r.Context} must be one of {string.Join(", ", ParameterKindWords)}, not '{Echo.Value(kindNode.Value)}'{Suggestions.DidYouMean(kindNode.Value, ParameterKindWords)}", kindNode.Location);
            }
        }

        ImmutableArray<string> choices = [];
        if (kind is ParameterKind.Choice or ParameterKind.ChoiceSet)
        {
            var list = r.Sequence("choices", r.Required("choices"));
            choices = [.. (list?.Items ?? []).Select(i => r.Scalar("choices", i)?.Value).OfType<string>()];
            if (list is not null && list.Items.Count == 0)
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"'choices' of {r.Context} must list at least one choice", list.Location);
            }
        }
        else if (r.KeyNode("choices") is { } choicesKey && kind is not null)
        {
            r.Report(YamlDiagnosticCodes.UnknownKey, $"'choices' applies only to choice and choice-set parameters, and {r.Context} is {ParameterKinds.First(k => k.Kind == kind).Word}", choicesKey.Location);
        }

        var defaultNode = r.Required("default");
        var value = kind is null || defaultNode is null ? null : ReadParameterValue(r, name.Value, kind.Value, choices, defaultNode);
        if (_diagnostics.Count > before || description is null || kind is null || value is null)
        {
            return null;
        }

        return new Parameter
        {
            Name = name.Value,
            Description = description,
            Kind = kind.Value,
            Choices = choices,
            Default = value,
            DeclaredBy = null,
            Location = name.Location,
        };
    }

    /// <summary>A parameter's value written in YAML, checked against its kind; null (reported) when it does not fit.</summary>
    private static object? ReadParameterValue(MappingReader r, string name, ParameterKind kind, ImmutableArray<string> choices, YamlNode node)
    {
        if (kind is ParameterKind.TextList or ParameterKind.ChoiceSet)
        {
            if (node is not YamlSequence sequence)
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"parameter '{name}' takes a list, such as [a, b], not {node.Shape}", node.Location);
                return null;
            }

            var items = new List<string>();
            foreach (var item in sequence.Items)
            {
                if (r.Scalar(name, item) is not { } scalar)
                {
                    return null;
                }

                if (kind == ParameterKind.ChoiceSet && !choices.Contains(scalar.Value, StringComparer.Ordinal))
                {
                    r.Report(YamlDiagnosticCodes.InvalidValue, $"parameter '{name}' lists '{Echo.Value(scalar.Value)}', which is not one of its choices: {string.Join(", ", choices)}{Suggestions.DidYouMean(scalar.Value, choices)}", scalar.Location);
                    return null;
                }

                items.Add(scalar.Value);
            }

            return items.Distinct(StringComparer.Ordinal).ToImmutableArray();
        }

        if (r.Scalar(name, node) is not { } value)
        {
            return null;
        }

        object? result = kind switch
        {
            ParameterKind.YesNo when value.IsPlain && value.Value is "yes" or "true" => true,
            ParameterKind.YesNo when value.IsPlain && value.Value is "no" or "false" => false,
            ParameterKind.Number when value.IsPlain && decimal.TryParse(value.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) => number,
            ParameterKind.Duration when DurationText.TryParse(value.Value, out var span) && span > TimeSpan.Zero => span,
            ParameterKind.Text => value.Value,
            ParameterKind.Choice when choices.Contains(value.Value, StringComparer.Ordinal) => value.Value,
            _ => null,
        };
        if (result is null)
        {
            var wanted = kind switch
            {
                ParameterKind.YesNo => "yes or no",
                ParameterKind.Number => "a number",
                ParameterKind.Duration => "a positive duration such as 48h or 3d",
                _ => $"one of {string.Join(", ", choices)}{Suggestions.DidYouMean(value.Value, choices)}",
            };
            r.Report(YamlDiagnosticCodes.InvalidValue, $"parameter '{name}' takes {wanted}, not '{Echo.Value(value.Value)}'", value.Location);
        }

        return result;
    }

    /// <summary><c>overrides:</c>, a mapping of a base provision's id to what the extending file does with it.</summary>
    private Dictionary<string, Override>? ReadOverrides(MappingReader root, Ordinance? baseOrdinance)
    {
        var result = new Dictionary<string, Override>(StringComparer.Ordinal);
        var node = root.Optional("overrides");
        var mapping = root.Mapping("overrides", node, $"'overrides' must be a mapping of a base provision's id to what changes, such as {{ P2: {{ section: \"Sec. 3\" }} }}, not {node?.Shape}");
        if (mapping is null)
        {
            return node is null ? result : null;
        }

        var ids = baseOrdinance?.Provisions.Select(p => p.Id).ToList() ?? [];
        var ok = true;
        foreach (var (key, value) in mapping.Entries)
        {
            if (value is YamlRejected)
            {
                ok = false;
                continue;
            }

            if (baseOrdinance is not null && !ids.Contains(key.Value, StringComparer.Ordinal))
            {
                root.Report(YamlDiagnosticCodes.UnknownOverride, $"'overrides' names '{Echo.Value(key.Value)}', which is not a provision of {baseOrdinance.Citation} (its provisions: {string.Join(", ", ids)}){Suggestions.DidYouMean(key.Value, ids)}", key.Location);
                ok = false;
                continue;
            }

            if (value is not YamlMapping entry)
            {
                root.Report(YamlDiagnosticCodes.WrongShape, $"the override of '{key.Value}' must be a mapping with remove, replace, or new section, title, text, binds or source, not {value.Shape}", value.Location);
                ok = false;
                continue;
            }

            var r = new MappingReader(entry, $"the override of '{key.Value}'", OverrideKeys, _diagnostics);
            var remove = r.Has("remove");
            var removeReason = remove ? r.OptionalText("remove") : null;
            Provision? replacement = null;
            if (r.Optional("replace") is { } replaceNode)
            {
                if (r.Mapping("replace", replaceNode, $"'replace' in {r.Context} must be a whole provision (a mapping with section, title, text, modality, binds, for, ...), not {replaceNode.Shape}") is { } provision)
                {
                    var ownId = MappingReader.Peek(provision, "id");
                    if (ownId is not null && ownId != key.Value)
                    {
                        r.Report(DiagnosticCodes.InvalidOrdinance, $"the replacement of '{key.Value}' gives id '{Echo.Value(ownId)}'; a replacement keeps the id it replaces (leave 'id' out)", provision.Location);
                        ok = false;
                    }

                    replacement = ReadProvision(provision, 0, key);
                }

                ok &= replacement is not null;
            }

            var edits = EditKeys.Where(r.Has).ToList();
            if (remove && (replacement is not null || edits.Count > 0))
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"{r.Context} removes the provision and also changes it; give 'remove' alone", entry.Location);
                ok = false;
            }
            else if (replacement is not null && edits.Count > 0)
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"{r.Context} replaces the provision and also edits its {string.Join(", ", edits)}; write those inside 'replace'", entry.Location);
                ok = false;
            }
            else if (!remove && replacement is null && edits.Count == 0 && !r.Has("replace"))
            {
                r.Report(YamlDiagnosticCodes.MissingKey, $"{r.Context} changes nothing: give remove, replace, or a new section, title, text, binds or source", entry.Location);
                ok = false;
            }

            if (remove && removeReason is null && r.Optional("remove") is YamlScalar { IsEmpty: true })
            {
                ok = false;
            }

            result[key.Value] = new Override(key, remove, replacement, r.OptionalText("section"), r.OptionalText("title"), r.OptionalText("text"), r.OptionalText("binds"), r.OptionalText("source"));
        }

        return ok ? result : null;
    }

    /// <summary>The base's provisions as the overrides leave them, in the base's order, then the extending file's own.</summary>
    private (ImmutableArray<Provision> Provisions, ImmutableArray<Model.Reading> Readings, ImmutableArray<Section> Sections) Merge(
        Ordinance baseOrdinance, Dictionary<string, Override> overrides, ImmutableArray<Provision> own, ImmutableArray<Model.Reading> readings, ImmutableArray<Section> sections)
    {
        var provisions = ImmutableArray.CreateBuilder<Provision>();
        foreach (var provision in baseOrdinance.Provisions)
        {
            var origin = provision.Origin ?? new ProvisionOrigin(baseOrdinance.Citation, provision.Section);
            if (!overrides.TryGetValue(provision.Id, out var change))
            {
                provisions.Add(provision with { Origin = origin });
                continue;
            }

            if (change.Remove)
            {
                continue;
            }

            provisions.Add(change.Replacement is { } replacement
                ? replacement with { Origin = origin with { Replaced = true } }
                : provision with
                {
                    Origin = origin,
                    Section = change.Section ?? provision.Section,
                    Title = change.Title ?? provision.Title,
                    Text = change.Text ?? provision.Text,
                    Binds = change.Binds ?? provision.Binds,
                    Source = change.Source ?? provision.Source,
                });
        }

        var taken = provisions.SelectMany(p => OrdinanceIds(p)).ToHashSet(StringComparer.Ordinal);
        foreach (var provision in own)
        {
            foreach (var id in OrdinanceIds(provision).Where(taken.Contains))
            {
                _diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.InvalidOrdinance,
                    $"id '{id}' is already used by {baseOrdinance.Citation}; to change that provision use 'overrides: {{ {id}: {{ replace: ... }} }}', or give this one another id",
                    provision.Location));
            }

            provisions.Add(provision);
        }

        var mergedReadings = baseOrdinance.Readings.ToBuilder();
        foreach (var reading in readings)
        {
            if (mergedReadings.Any(r => r.Name == reading.Name))
            {
                _diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"reading '{reading.Name}' is already declared by {baseOrdinance.Citation}; reading names must be unique", reading.Location));
                continue;
            }

            mergedReadings.Add(reading);
        }

        var mergedSections = sections.AddRange(baseOrdinance.Sections.Where(s => !sections.Any(o => o.Number == s.Number)));
        return (provisions.ToImmutable(), mergedReadings.ToImmutable(), mergedSections);
    }

    private ImmutableArray<HolidayCalendar> MergeCalendars(ImmutableArray<HolidayCalendar> inherited, ImmutableArray<HolidayCalendar> own, SourceLocation location)
    {
        foreach (var calendar in own.Where(c => inherited.Any(i => i.Name == c.Name)))
        {
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidOrdinance, $"calendar '{calendar.Name}' is already declared by the ordinance this one extends; calendar names must be unique", location));
        }

        return inherited.AddRange(own);
    }

    private static IEnumerable<string> OrdinanceIds(Provision provision) =>
        Compilation.OrdinanceValidator.Flatten(provision.Exceptions).Select(e => e.Id).Prepend(provision.Id);
}
