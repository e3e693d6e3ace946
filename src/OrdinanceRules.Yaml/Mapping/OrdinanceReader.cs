using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Vocabulary;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>Maps an ordinance file's tree to an <see cref="Ordinance"/>, reporting every problem in it.</summary>
internal sealed partial class OrdinanceReader
{
    internal static readonly string[] RootKeys = ["extends", "parameters", "overrides", "ordinance", "citation", "title", "jurisdiction", "adopted", "effective", "assume-in-force", "amendments", "notes", "readings", "calendars", "vocabulary", "definitions", "exception-sets", "sections", "provisions"];
    internal static readonly string[] JurisdictionKeys = ["name", "state", "time-zone", "level"];
    internal static readonly string[] VocabularyKeys = ["uses", "types"];
    internal static readonly string[] SectionKeys = ["number", "heading", "text"];
    internal static readonly string[] ProvisionKeys = ["id", "section", "title", "text", "modality", "binds", "source", "recurs", "for", "match", "applies-when", "violated-when", "duty", "event-time", "in-force", "versions", "prevails-over", "exceptions"];
    internal static readonly string[] TestKeys = ["for", "when"];
    internal static readonly string[] DutyKeys = ["met-by", "at", "deadline"];
    internal static readonly string[] DeadlineKeys = ["within", "from", "due", "inclusive", "counting", "calendar", "anchor"];
    internal static readonly string[] ReadingKeys = ["name", "question", "alternatives", "default"];
    private static readonly (string Word, DeadlineCounting Counting)[] Countings =
    [
        ("elapsed", DeadlineCounting.Elapsed),
        ("business-hours", DeadlineCounting.BusinessHours),
        ("business-days", DeadlineCounting.BusinessDays),
    ];

    internal static readonly string[] CountingWords = [.. Countings.Select(c => c.Word)];
    internal static readonly string[] ExceptionKeys = ["id", "section", "title", "text", "for", "when", "lapses", "exceptions"];
    private static readonly (string Word, Modality Modality)[] Modalities =
    [
        ("prohibition", Modality.Prohibition),
        ("obligation", Modality.Obligation),
        ("permission", Modality.Permission),
        ("non-obligation", Modality.NonObligation),
    ];

    internal static readonly string[] ModalityWords = [.. Modalities.Select(m => m.Word)];

    private readonly string _file;
    private readonly Func<string, string?>? _resolveFile;
    private readonly ImmutableArray<string> _chain;
    private readonly YamlReadOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, SourceLocation> _ids = new(StringComparer.Ordinal);
    private readonly List<(string Provision, ImmutableArray<YamlScalar> Ids)> _prevailsOver = [];
    private readonly List<string> _texts = [];
    private ImmutableArray<HolidayCalendar> _calendars = [];

    private OrdinanceReader(string file, Func<string, string?>? resolveFile, YamlReadOptions options, ImmutableArray<string> chain)
    {
        _file = file;
        _resolveFile = resolveFile;
        _options = options;
        _chain = chain.Add(ChainKey(file));
    }

    /// <summary>Reads an ordinance.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="file">The file's name, for locations and to resolve a vocabulary's relative path.</param>
    /// <param name="resolveFile">Loads a vocabulary file by the relative path written in <c>uses:</c>; null reads from disk.</param>
    /// <param name="options">How far a vocabulary or a base ordinance read from disk may lie from the ordinance (by default, inside its folder).</param>
    public static Result<Ordinance> Read(string text, string file, Func<string, string?>? resolveFile, YamlReadOptions? options = null) =>
        new OrdinanceReader(file, resolveFile, options ?? YamlReadOptions.Default, []).Read(text);

    private Result<Ordinance> Read(string text)
    {
        _texts.Add(text);
        var root = YamlTreeReader.ReadRootMapping(text, _file, _diagnostics);
        if (root is null)
        {
            return Result<Ordinance>.Failure(_diagnostics);
        }

        var r = new MappingReader(root, "the ordinance", RootKeys, _diagnostics);
        var extends = r.Scalar("extends", r.Optional("extends"));
        var baseOrdinance = extends is null ? null : ReadBase(extends);
        var extending = extends is not null;
        var number = r.RequiredText("ordinance");
        var citation = r.OptionalText("citation");
        var title = r.RequiredText("title");
        var jurisdiction = ReadJurisdiction(r);
        var adopted = ReadDate(r, "adopted");
        var effective = ReadDate(r, "effective");
        var assumeInForce = ReadAssumeInForce(r, effective);
        var amendments = ReadAmendments(r);
        var notes = r.OptionalText("notes");
        var readings = ReadReadings(r);
        _calendars = ReadCalendars(r);
        var vocabulary = extending && !r.Has("vocabulary") ? baseOrdinance?.Vocabulary : ReadVocabulary(r, number);
        var definitions = ReadDefinitions(r);
        ReadExceptionSets(r);
        var sections = ReadSections(r);
        var parameters = ReadParameters(r, baseOrdinance, extending);
        var provisions = ReadProvisions(r, required: !extending);
        var overrides = extending ? ReadOverrides(r, baseOrdinance) : null;
        if (baseOrdinance is not null && provisions is not null && overrides is not null && number is not null && jurisdiction is not null)
        {
            var merged = Merge(baseOrdinance, overrides, provisions.Value, readings, sections);
            provisions = merged.Provisions;
            readings = merged.Readings;
            sections = merged.Sections;
            _calendars = MergeCalendars(baseOrdinance.Calendars, _calendars, root.Location);
            amendments = [.. baseOrdinance.Amendments.Select(a => (a, ImmutableArray<YamlScalar>.Empty)), .. amendments];

            // The base's definitions hold here too; one of this file's own with the same name takes its place.
            definitions = [.. baseOrdinance.Definitions.Where(d => !definitions.Any(o => o.Name == d.Name)), .. definitions];
        }

        if (provisions is not null)
        {
            CheckAffects(amendments, provisions.Value);
            CheckPrevailsOver(provisions.Value);
        }

        if (_diagnostics.Count > 0 || number is null || title is null || jurisdiction is null || vocabulary is null || provisions is null || parameters is null ||
            (extending && baseOrdinance is null))
        {
            return Result<Ordinance>.Failure(DiagnosticOrder.Sort(_diagnostics, _file));
        }

        var ordinance = new Ordinance
        {
            Parameters = parameters.Value,
            Extends = baseOrdinance is null ? [] : [baseOrdinance.Citation, .. baseOrdinance.Extends],
            Number = number,
            CitedAs = citation,
            Title = title,
            Jurisdiction = jurisdiction,
            AdoptedOn = adopted,
            EffectiveFrom = effective,
            AssumeInForce = assumeInForce,
            Amendments = [.. amendments.Select(a => a.Amendment)],
            Notes = notes ?? baseOrdinance?.Notes,
            Readings = readings,
            Calendars = _calendars,
            Definitions = definitions,
            Vocabulary = vocabulary,
            Sections = sections,
            Provisions = provisions.Value,
            Location = root.Location,
            ContentHash = _texts.Count == 1 ? Digests.Of(text) : Digests.Of(_texts.Select(t => Digests.Of(t))),
        };
        return Result<Ordinance>.Success(ordinance with
        {
            Parameters = [.. ordinance.Parameters.Select(p => p.DeclaredBy is null ? p with { DeclaredBy = ordinance.Citation } : p)],
        });
    }

    private Jurisdiction? ReadJurisdiction(MappingReader root)
    {
        var mapping = root.Mapping("jurisdiction", root.Required("jurisdiction"), "'jurisdiction' must be a mapping with name, state and time-zone");
        if (mapping is null)
        {
            return null;
        }

        var r = new MappingReader(mapping, "'jurisdiction'", JurisdictionKeys, _diagnostics);
        var name = r.RequiredText("name");
        var state = r.RequiredText("state");
        var zone = r.Scalar("time-zone", r.Required("time-zone"));
        var level = ReadLevel(r);
        if (zone is not null && !JurisdictionClock.IsKnownZone(zone.Value))
        {
            r.Report(YamlDiagnosticCodes.InvalidValue, $"'time-zone' must be an IANA time zone id such as America/Chicago, not '{zone.Value}'", zone.Location);
            return null;
        }

        return name is null || state is null || zone is null || level is null ? null : new Jurisdiction(name, state, zone.Value, level.Value);
    }

    private static DateOnly? ReadDate(MappingReader r, string key)
    {
        var scalar = r.Scalar(key, r.Optional(key));
        if (scalar is null || (scalar.IsPlain && scalar.Value == "unknown"))
        {
            return null;
        }

        if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        r.Report(YamlDiagnosticCodes.InvalidValue, $"'{key}' must be a date such as 2020-12-21, or unknown, not '{scalar.Value}'", scalar.Location);
        return null;
    }

    private FactVocabulary? ReadVocabulary(MappingReader root, string? number)
    {
        var mapping = root.Mapping("vocabulary", root.Required("vocabulary"), "'vocabulary' must be a mapping with 'uses', 'types' or both");
        if (mapping is null)
        {
            return null;
        }

        var r = new MappingReader(mapping, "'vocabulary'", VocabularyKeys, _diagnostics);
        if (!r.Has("uses") && !r.Has("types"))
        {
            r.Report(YamlDiagnosticCodes.MissingKey, "'vocabulary' needs 'uses' (a bundled vocabulary or a file), 'types', or both", mapping.Location);
            return null;
        }

        var uses = r.Scalar("uses", r.Optional("uses"));
        var before = _diagnostics.Count;
        var sources = new VocabularySources(_file, onDisk: _resolveFile is null, _options, (relative, path, at) =>
        {
            // Every vocabulary file read, an extension's base included, is part of what the ordinance's content hash covers.
            var text = ReadReferencedFile(relative, path, at);
            if (text is not null)
            {
                _texts.Add(text);
            }

            return text;
        });
        var used = uses is null ? null : sources.Resolve(uses, "uses", sources.Root, sources.RootChain, _diagnostics);
        if ((uses is null && r.Has("uses")) || (uses is not null && used is null) || _diagnostics.Count > before)
        {
            return null;
        }

        if (!r.Has("types"))
        {
            return used;
        }

        var (types, extension) = VocabularyReader.ReadTypes(r, r.Optional("types"), _diagnostics, used, legacyFields: true);
        if (_diagnostics.Count > before)
        {
            return null;
        }

        var name = used is null ? $"ordinance {number}" : $"{used.Name}+ordinance {number}";
        var vocabulary = used is null
            ? FactVocabulary.Create(name, types, out var problems)
            : used.Extend(name, types, out problems);
        _diagnostics.AddRange(problems);
        if (vocabulary is not null && (!extension.Fields.IsEmpty || !extension.Values.IsEmpty))
        {
            vocabulary = vocabulary.Extend(name, extension, out problems);
            _diagnostics.AddRange(problems);
        }

        return vocabulary;
    }

    private string? ReadReferencedFile(string relative, string path, SourceLocation referencedAt)
    {
        if (_resolveFile is null)
        {
            return SourceFiles.ReadText(path, _diagnostics, referencedAt);
        }

        try
        {
            var text = _resolveFile(relative);
            if (text is null)
            {
                _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"cannot read '{Echo.Value(relative)}': the file does not exist", referencedAt));
            }

            return text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _diagnostics.Add(new Diagnostic(YamlDiagnosticCodes.FileNotFound, $"cannot read '{Echo.Value(relative)}': {Echo.Clean(ex.Message)}", referencedAt));
            return null;
        }
    }

    private ImmutableArray<Section> ReadSections(MappingReader root)
    {
        var builder = ImmutableArray.CreateBuilder<Section>();
        foreach (var (item, index) in root.Sequence("sections", root.Optional("sections"))?.Items.Select((n, i) => (n, i)) ?? [])
        {
            var mapping = root.Mapping("sections", item, $"each section must be a mapping with number, heading and text, not {item.Shape}");
            if (mapping is null)
            {
                continue;
            }

            var number = MappingReader.Peek(mapping, "number");
            var r = new MappingReader(mapping, number is null ? $"section {index + 1}" : $"section '{number}'", SectionKeys, _diagnostics);
            var numberText = r.RequiredText("number");
            var heading = r.RequiredText("heading");
            var text = r.OptionalText("text") ?? string.Empty;
            if (numberText is not null && heading is not null)
            {
                builder.Add(new Section(numberText, heading, text));
            }
        }

        return builder.ToImmutable();
    }

    private ImmutableArray<Provision>? ReadProvisions(MappingReader root, bool required)
    {
        var sequence = root.Sequence("provisions", required ? root.Required("provisions") : root.Optional("provisions"));
        if (sequence is null)
        {
            return required || root.Has("provisions") ? null : [];
        }

        var builder = ImmutableArray.CreateBuilder<Provision>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var mapping = root.Mapping("provisions", sequence.Items[i], $"each provision must be a mapping with id, section, title, text, modality, binds and for, not {sequence.Items[i].Shape}");
            if (mapping is not null && ReadProvision(mapping, i) is { } provision)
            {
                builder.Add(provision);
            }
        }

        return builder.ToImmutable();
    }

    private Provision? ReadProvision(YamlMapping mapping, int index, YamlScalar? impliedId = null)
    {
        var peekedId = MappingReader.Peek(mapping, "id") ?? impliedId?.Value;
        var r = new MappingReader(mapping, peekedId is null ? $"provision {index + 1}" : $"provision '{peekedId}'", ProvisionKeys, _diagnostics);
        var id = ReadId(r, impliedId);
        var section = r.RequiredText("section");
        var title = r.RequiredText("title");
        var text = r.RequiredText("text");
        var modality = ReadModality(r);
        var binds = r.RequiredText("binds");
        var source = r.OptionalText("source");
        var recursNode = r.Optional("recurs");
        var recurs = recursNode is null ? null : ReadRecurs(r, recursNode);
        var bindings = recursNode is null ? ReadBindings(r, "for", r.Required("for"), requireOne: true, several: true)
            : r.Optional("for") is { } forNode ? ReadBindings(r, "for", forNode, requireOne: false, several: true) : [];
        var match = r.OptionalCondition("match");
        var appliesWhen = r.OptionalCondition("applies-when");
        var violatedWhen = r.Optional("violated-when") is { } v ? ReadTest(r, "violated-when", v) : null;
        var duty = r.Optional("duty") is { } d ? ReadDuty(r, d) : null;
        var eventTime = r.OptionalCondition("event-time");
        var inForceNode = r.Optional("in-force");
        var inForce = inForceNode is null ? null : ReadInForce(r, inForceNode);
        var versionsNode = r.Optional("versions");
        var versions = versionsNode is null ? [] : ReadVersions(r, versionsNode);
        var prevailsOverNode = r.Optional("prevails-over");
        ImmutableArray<YamlScalar>? prevailsOver = prevailsOverNode is null ? ImmutableArray<YamlScalar>.Empty : ReadIdList(r, "prevails-over", prevailsOverNode, requireOne: true);
        var variables = (recurs is null ? [] : new[] { new Binding(recurs.Variable, RecurrenceWords[(int)recurs.Every], recurs.Location) })
            .Concat(bindings ?? ImmutableArray<Binding>.Empty).Concat(violatedWhen?.For ?? ImmutableArray<Binding>.Empty).ToList();
        var exceptions = ReadExceptions(r, r.Optional("exceptions"), variables);
        CheckModalityKeys(r, modality);
        if (id is not null && prevailsOver is { IsEmpty: false } named)
        {
            _prevailsOver.Add((id, named));
        }

        if (id is null || section is null || title is null || text is null || modality is null || binds is null || bindings is null ||
            (inForceNode is not null && inForce is null) || versions is null || prevailsOver is null || (recursNode is not null && recurs is null))
        {
            return null;
        }

        return new Provision
        {
            Id = id,
            Section = section,
            Title = title,
            Text = text,
            Modality = modality.Value,
            Binds = binds,
            Source = source,
            For = bindings.Value,
            Recurs = recurs,
            Match = match,
            AppliesWhen = appliesWhen,
            ViolatedWhen = violatedWhen,
            Duty = duty,
            EventTime = eventTime,
            InForce = inForce,
            Versions = versions.Value,
            PrevailsOver = [.. prevailsOver.Value.Select(s => s.Value)],
            Exceptions = exceptions,
            Location = mapping.Location,
        };
    }

    /// <summary>An obligation is breached by a missed duty; the other modalities by their violated-when test.</summary>
    private static void CheckModalityKeys(MappingReader r, Modality? modality)
    {
        if (modality is null)
        {
            return;
        }

        var word = Modalities.First(m => m.Modality == modality).Word;
        if (modality == Modality.Obligation)
        {
            if (!r.Has("duty"))
            {
                r.Report(YamlDiagnosticCodes.MissingKey, $"missing required key 'duty' in {r.Context}: an obligation needs 'duty'", r.Location);
            }

            if (r.KeyNode("violated-when") is { } key)
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"'violated-when' does not apply to an obligation: {r.Context} is breached when its 'duty' is not met", key.Location);
            }

            return;
        }

        if (!r.Has("violated-when"))
        {
            r.Report(YamlDiagnosticCodes.MissingKey, $"missing required key 'violated-when' in {r.Context}: a {word} needs 'violated-when'", r.Location);
        }

        if (r.KeyNode("duty") is { } dutyKey)
        {
            r.Report(YamlDiagnosticCodes.WrongShape, $"'duty' applies only to obligations, and {r.Context} is a {word}", dutyKey.Location);
        }
    }

    private string? ReadId(MappingReader r, YamlScalar? implied = null)
    {
        var scalar = implied is not null && !r.Has("id") ? implied : r.Scalar("id", r.Required("id"));
        if (scalar is null)
        {
            return null;
        }

        if (_ids.TryGetValue(scalar.Value, out var first))
        {
            r.Report(DiagnosticCodes.InvalidOrdinance, $"id '{scalar.Value}' is already used at line {first.Line}; ids of provisions and exceptions must be unique in the ordinance", scalar.Location);
        }
        else
        {
            _ids.Add(scalar.Value, scalar.Location);
        }

        return scalar.Value;
    }

    private static Modality? ReadModality(MappingReader r)
    {
        var scalar = r.Scalar("modality", r.Required("modality"));
        if (scalar is null)
        {
            return null;
        }

        foreach (var (word, modality) in Modalities)
        {
            if (word == scalar.Value)
            {
                return modality;
            }
        }

        r.Report(
            YamlDiagnosticCodes.InvalidValue,
            $"modality must be one of {string.Join(", ", ModalityWords)}, not '{scalar.Value}'{Suggestions.DidYouMean(scalar.Value, ModalityWords)}",
            scalar.Location);
        return null;
    }

    /// <remarks>With <paramref name="several"/>, a variable may range over a list of types: <c>{ x: [inquiry, record, action] }</c>.</remarks>
    private static ImmutableArray<Binding>? ReadBindings(MappingReader r, string key, YamlNode? node, bool requireOne, bool several = false)
    {
        if (node is null)
        {
            return null;
        }

        var message = $"'{key}' in {r.Context} must be a mapping of variable: type, such as {{ r: request }}";
        if (node is not YamlMapping mapping)
        {
            r.Report(YamlDiagnosticCodes.WrongShape, message, node.Location);
            return null;
        }

        var builder = ImmutableArray.CreateBuilder<Binding>();
        var ok = true;
        foreach (var (variable, type) in mapping.Entries)
        {
            if (type is YamlScalar { IsEmpty: false } typeName)
            {
                builder.Add(new Binding(variable.Value, typeName.Value, variable.Location));
            }
            else if (several && type is YamlSequence list)
            {
                var names = list.Items.OfType<YamlScalar>().Where(i => !i.IsEmpty).Select(i => i.Value).ToList();
                if (names.Count == 0 || names.Count != list.Items.Count)
                {
                    r.Report(YamlDiagnosticCodes.WrongShape, $"'{key}' in {r.Context}: '{variable.Value}' ranges over a list of type names, such as [inquiry, record, action]", list.Location);
                    ok = false;
                    continue;
                }

                builder.Add(new Binding(variable.Value, names[0], variable.Location) { FactTypes = [.. names] });
            }
            else if (type is not YamlRejected)
            {
                r.Report(YamlDiagnosticCodes.WrongShape, message, type is YamlScalar ? variable.Location : type.Location);
                ok = false;
            }
        }

        if (requireOne && mapping.Entries.Count == 0)
        {
            r.Report(YamlDiagnosticCodes.WrongShape, $"'{key}' in {r.Context} must bind at least one variable, such as {{ r: request }}", mapping.Location);
            return null;
        }

        return ok ? builder.ToImmutable() : null;
    }

    /// <summary>A condition alone, or a mapping with further facts (<c>for</c>) and the condition (<c>when</c>).</summary>
    private FactTest? ReadTest(MappingReader parent, string key, YamlNode node)
    {
        switch (node)
        {
            case YamlScalar:
                return parent.Condition(key, node) is { } condition ? FactTest.Of(condition) : null;
            case YamlMapping mapping:
                var r = new MappingReader(mapping, $"'{key}' of {parent.Context}", TestKeys, _diagnostics);
                var bindings = r.Optional("for") is { } f ? ReadBindings(r, "for", f, requireOne: true, several: true) : [];
                var when = r.RequiredCondition("when");
                return bindings is null || when is null ? null : new FactTest(bindings.Value, when);
            default:
                parent.Report(YamlDiagnosticCodes.WrongShape, $"'{key}' in {parent.Context} must be a condition, or a mapping with 'for' and 'when', not {node.Shape}", node.Location);
                return null;
        }
    }

    private Duty? ReadDuty(MappingReader parent, YamlNode node)
    {
        var mapping = parent.Mapping("duty", node, $"'duty' in {parent.Context} must be a mapping with 'met-by', 'at' and optionally 'deadline', not {node.Shape}");
        if (mapping is null)
        {
            return null;
        }

        var r = new MappingReader(mapping, $"'duty' of {parent.Context}", DutyKeys, _diagnostics);
        var metBy = r.Required("met-by") is { } m ? ReadTest(r, "met-by", m) : null;
        var at = r.RequiredCondition("at");
        var deadlineNode = r.Optional("deadline");
        var deadline = deadlineNode is null ? null : ReadDeadline(r, deadlineNode);
        return metBy is null || at is null || (deadlineNode is not null && deadline is null) ? null : new Duty(metBy, at, deadline);
    }

    /// <param name="parent">The provision, exception or exception set the exceptions stand under.</param>
    /// <param name="node">The list.</param>
    /// <param name="provisionVariables">For a provision's own exceptions, the variables it binds (a shared set may be used there); otherwise null.</param>
    private ImmutableArray<ProvisionException> ReadExceptions(MappingReader parent, YamlNode? node, IReadOnlyList<Binding>? provisionVariables)
    {
        var builder = ImmutableArray.CreateBuilder<ProvisionException>();
        var sequence = parent.Sequence("exceptions", node);
        for (var i = 0; i < (sequence?.Items.Count ?? 0); i++)
        {
            var item = sequence!.Items[i];
            var mapping = parent.Mapping("exceptions", item, $"each exception of {parent.Context} must be a mapping with id, section, title and when, or {{ use: a shared exception set }}, not {item.Shape}");
            if (mapping?["use"] is not null)
            {
                builder.AddRange(ReadExceptionUse(parent, mapping, provisionVariables));
            }
            else if (mapping is not null && ReadException(parent, mapping, i) is { } exception)
            {
                builder.Add(exception);
            }
        }

        return builder.ToImmutable();
    }

    private ProvisionException? ReadException(MappingReader parent, YamlMapping mapping, int index)
    {
        var peekedId = MappingReader.Peek(mapping, "id");
        var r = new MappingReader(mapping, peekedId is null ? $"exception {index + 1} of {parent.Context}" : $"exception '{peekedId}'", ExceptionKeys, _diagnostics);
        var id = ReadId(r);
        var section = r.RequiredText("section");
        var title = r.RequiredText("title");
        var text = r.OptionalText("text");
        var bindings = r.Optional("for") is { } f ? ReadBindings(r, "for", f, requireOne: true, several: true) : [];
        var when = r.RequiredCondition("when");
        var lapsesNode = r.Optional("lapses");
        var lapses = lapsesNode is null ? null : ReadLapse(r, lapsesNode);
        var exceptions = ReadExceptions(r, r.Optional("exceptions"), provisionVariables: null);
        if (id is null || section is null || title is null || bindings is null || when is null || (lapsesNode is not null && lapses is null))
        {
            return null;
        }

        return new ProvisionException
        {
            Id = id,
            Section = section,
            Title = title,
            Text = text,
            When = new FactTest(bindings.Value, when),
            Lapses = lapses,
            Exceptions = exceptions,
            Location = mapping.Location,
        };
    }
}
