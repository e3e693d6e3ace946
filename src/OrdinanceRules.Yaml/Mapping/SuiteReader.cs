using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;
using OrdinanceRules.Suites;
using OrdinanceRules.Yaml.Reading;

namespace OrdinanceRules.Yaml.Mapping;

/// <summary>
/// Maps a test suite file's tree to an <see cref="OrdinanceSuite"/>: reads the ordinance it names and each
/// case's scenario (a file, or facts written inline), and checks every expectation against the ordinance,
/// reporting every problem at once.
/// </summary>
internal sealed class SuiteReader
{
    internal static readonly string[] RootKeys = ["suite", "description", "ordinance", "cases"];
    internal static readonly string[] CaseKeys = ["name", "description", "scenario", "facts", "unknown", "as-of", "readings", "expect"];
    internal static readonly string[] ExpectationKeys = ["status", "exception", "unknowns", "due", "facts"];

    private readonly string _file;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, Scenario?> _scenarioFiles = new(StringComparer.Ordinal);

    private readonly YamlReadOptions _options;

    private SuiteReader(string file, YamlReadOptions options)
    {
        _file = file;
        _options = options;
    }

    /// <summary>
    /// Reads a suite; its ordinance and scenario files are read from disk relative to <paramref name="file"/>, inside
    /// its folder unless the options allow more; problems in its scenarios quote sensitive values only when the options say so.
    /// </summary>
    public static Result<SuiteFile> Read(string text, string file, YamlReadOptions? options = null) => new SuiteReader(file, options ?? YamlReadOptions.Default).Read(text);

    private Result<SuiteFile> Read(string text)
    {
        var root = YamlTreeReader.ReadRootMapping(text, _file, _diagnostics);
        if (root is null)
        {
            return Result<SuiteFile>.Failure(_diagnostics);
        }

        var r = new MappingReader(root, "the suite", RootKeys, _diagnostics);
        var name = r.RequiredText("suite");
        var description = r.OptionalText("description");
        var ordinancePath = r.Scalar("ordinance", r.Required("ordinance"));
        var cases = r.Sequence("cases", r.Required("cases"));
        var ordinance = ordinancePath is null ? null : ReadOrdinance(r, ordinancePath);
        if (ordinance is null || name is null || cases is null)
        {
            return Failure();
        }

        var read = new List<SuiteCase>();
        var names = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Items.Count; i++)
        {
            var item = cases.Items[i];
            if (i == YamlLimits.MaxCases)
            {
                r.Report(YamlDiagnosticCodes.LimitExceeded, $"a suite has at most {YamlLimits.MaxCases:N0} cases; this one has {cases.Items.Count:N0}", item.Location);
                break;
            }

            if (item is YamlRejected)
            {
                continue;
            }

            if (item is not YamlMapping mapping)
            {
                r.Report(YamlDiagnosticCodes.WrongShape, $"each case must be a mapping with a scenario and 'expect', not {item.Shape}", item.Location);
                continue;
            }

            var suiteCase = ReadCase(mapping, i + 1, ordinance.Value.Ordinance);
            if ((MappingReader.Peek(mapping, "name") ?? suiteCase?.Name) is not { } caseName)
            {
                continue;
            }

            if (names.TryGetValue(caseName, out var first))
            {
                r.Report(YamlDiagnosticCodes.DuplicateCaseName, $"two cases are named '{caseName}'; the first is at line {first.Line}", mapping.Location);
                continue;
            }

            names.Add(caseName, mapping.Location);
            if (suiteCase is not null)
            {
                read.Add(suiteCase);
            }
        }

        if (_diagnostics.Count > 0)
        {
            return Failure();
        }

        var suite = new OrdinanceSuite { Name = name, Description = description, Cases = [.. read], Location = root.Location };
        return Result<SuiteFile>.Success(new SuiteFile(_file, suite, ordinance.Value.Path, ordinance.Value.Ordinance));
    }

    private Result<SuiteFile> Failure() => Result<SuiteFile>.Failure(DiagnosticOrder.Sort(_diagnostics, _file));

    private (Ordinance Ordinance, string Path)? ReadOrdinance(MappingReader r, YamlScalar written)
    {
        if (RelativePath("ordinance", written) is not { } path)
        {
            return null;
        }

        var text = SourceFiles.ReadText(path, _diagnostics, written.ContentLocation);
        if (text is null)
        {
            return null;
        }

        var ordinance = OrdinanceReader.Read(text, path, null, _options);
        _diagnostics.AddRange(ordinance.Diagnostics);
        return ordinance.Succeeded ? (ordinance.Value, path) : null;
    }

    /// <summary>A path written in the suite, relative to it; null (reported) when, unless allowed, it leads outside the confinement root.</summary>
    private string? RelativePath(string key, YamlScalar written) =>
        SourceFiles.Resolve(_file, written.Value, _options, key, written.ContentLocation, _diagnostics);

    private SuiteCase? ReadCase(YamlMapping mapping, int number, Ordinance ordinance)
    {
        var r = new MappingReader(mapping, $"case {number}", CaseKeys, _diagnostics);
        var before = _diagnostics.Count;
        var name = r.OptionalText("name");
        var description = r.OptionalText("description");
        var zone = ordinance.Jurisdiction.TimeZone;
        var asOf = r.Scalar("as-of", r.Optional("as-of")) is { } asOfText ? ScenarioReader.ReadInstant(r, asOfText, zone) : null;

        Scenario? scenario = null;
        var file = r.Optional("scenario");
        var inline = r.Has("facts") || r.Has("unknown");
        if (file is not null && inline)
        {
            r.Report(YamlDiagnosticCodes.WrongShape, $"case {number} gives both 'scenario' (a file) and inline 'facts'; keep one", (r.KeyNode("facts") ?? r.KeyNode("unknown"))!.Location);
        }
        else if (file is not null)
        {
            if (r.Scalar("scenario", file) is { } path)
            {
                scenario = ReadScenarioFile(r, path, ordinance);
                name ??= scenario?.Name;
            }
        }
        else if (inline)
        {
            if (name is null)
            {
                r.Report(YamlDiagnosticCodes.MissingKey, $"missing required key 'name' in case {number}: a case with inline facts needs a name", mapping.Location);
            }
            else
            {
                scenario = ScenarioReader.ReadInline(r, name, description, mapping.Location, ordinance, _diagnostics, _options.ShowSensitive);
            }
        }
        else
        {
            r.Report(YamlDiagnosticCodes.MissingKey, $"case {number} needs 'scenario' (a scenario file relative to the suite) or inline 'facts'", mapping.Location);
        }

        if (scenario is not null && asOf is null && scenario.AsOf is null && !r.Has("as-of"))
        {
            r.Report(YamlDiagnosticCodes.NoAsOf, $"case '{name}' names no as-of instant, and neither does its scenario; add 'as-of:' to the case", mapping.Location);
        }

        var readings = ReadReadings(r, ordinance);
        var expectations = ReadExpectations(r, ordinance);
        if (_diagnostics.Count > before || scenario is null || name is null || expectations is null)
        {
            return null;
        }

        return new SuiteCase
        {
            Name = name,
            Scenario = scenario,
            AsOf = asOf,
            Readings = readings,
            Expectations = expectations.Value,
            Location = mapping.Location,
        };
    }

    private Scenario? ReadScenarioFile(MappingReader r, YamlScalar written, Ordinance ordinance)
    {
        if (RelativePath("scenario", written) is not { } path)
        {
            return null;
        }

        var key = Path.GetFullPath(path);
        if (_scenarioFiles.TryGetValue(key, out var known))
        {
            return known;
        }

        Scenario? scenario = null;
        if (SourceFiles.ReadText(path, _diagnostics, written.ContentLocation) is { } text)
        {
            var result = ScenarioReader.Read(text, path, ordinance, _options.ShowSensitive);
            _diagnostics.AddRange(result.Diagnostics);
            scenario = result.Value;
        }

        _scenarioFiles[key] = scenario;
        return scenario;
    }

    private static ImmutableDictionary<string, string> ReadReadings(MappingReader r, Ordinance ordinance)
    {
        var readings = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (r.Mapping("readings", r.Optional("readings"), $"'readings' in {r.Context} must be a mapping of reading names to alternatives, such as {{ p3-anchor: receipt }}") is not { } mapping)
        {
            return readings.ToImmutable();
        }

        foreach (var (key, value) in mapping.Entries)
        {
            if (r.Scalar(key.Value, value) is not { } alternative)
            {
                continue;
            }

            var reading = ordinance.Readings.FirstOrDefault(x => x.Name == key.Value);
            if (reading is null)
            {
                var declared = ordinance.Readings.IsEmpty ? "it declares none" : $"it declares {string.Join(", ", ordinance.Readings.Select(x => x.Name))}";
                r.Report(YamlDiagnosticCodes.NotInOrdinance, $"the ordinance has no reading '{key.Value}' ({declared}){Suggestions.DidYouMean(key.Value, ordinance.Readings.Select(x => x.Name))}", key.Location);
            }
            else if (!reading.Allows(alternative.Value))
            {
                var names = reading.Alternatives.Select(a => a.Name).ToList();
                r.Report(YamlDiagnosticCodes.NotInOrdinance, $"reading '{reading.Name}' has no alternative '{alternative.Value}' (it has {string.Join(", ", names)}){Suggestions.DidYouMean(alternative.Value, names)}", alternative.Location);
            }
            else
            {
                readings[key.Value] = alternative.Value;
            }
        }

        return readings.ToImmutable();
    }

    private ImmutableArray<ExpectedFinding>? ReadExpectations(MappingReader r, Ordinance ordinance)
    {
        var mapping = r.Mapping("expect", r.Required("expect"), $"'expect' in {r.Context} must be a mapping of provision ids to expected findings, such as {{ P2: violated }}");
        if (mapping is null)
        {
            return null;
        }

        var expectations = new List<ExpectedFinding>();
        foreach (var (key, value) in mapping.Entries)
        {
            var provision = ordinance.Provisions.FirstOrDefault(p => p.Id == key.Value);
            if (provision is null)
            {
                var ids = ordinance.Provisions.Select(p => p.Id).ToList();
                r.Report(YamlDiagnosticCodes.NotInOrdinance, $"the ordinance has no provision '{key.Value}' (it has {string.Join(", ", ids)}){Suggestions.DidYouMean(key.Value, ids)}", key.Location);
                continue;
            }

            switch (value)
            {
                case YamlRejected:
                    break;
                case YamlSequence { Items.Count: 0 } empty:
                    r.Report(YamlDiagnosticCodes.WrongShape, $"the expectations of {provision.Id} are an empty list; give at least one", empty.Location);
                    break;
                case YamlSequence list:
                    foreach (var item in list.Items)
                    {
                        if (item is YamlMapping each)
                        {
                            expectations.AddIfNotNull(ReadExpectation(each, provision, ordinance));
                        }
                        else if (item is not YamlRejected)
                        {
                            r.Report(YamlDiagnosticCodes.WrongShape, $"each expectation of {provision.Id} in a list must be a mapping with 'status' and, to pick a finding, 'facts', not {item.Shape}", item.Location);
                        }
                    }

                    break;
                case YamlMapping one:
                    expectations.AddIfNotNull(ReadExpectation(one, provision, ordinance));
                    break;
                default:
                    if (r.Scalar(key.Value, value) is { } status && ReadStatus(r, status, provision) is { } s)
                    {
                        expectations.Add(new ExpectedFinding { ProvisionId = provision.Id, Status = s, Location = key.Location });
                    }

                    break;
            }
        }

        return [.. expectations];
    }

    private ExpectedFinding? ReadExpectation(YamlMapping mapping, Provision provision, Ordinance ordinance)
    {
        var r = new MappingReader(mapping, $"the expectation of {provision.Id}", ExpectationKeys, _diagnostics);
        var before = _diagnostics.Count;
        var statusText = r.Scalar("status", r.Required("status"));
        var status = statusText is null ? null : ReadStatus(r, statusText, provision);
        var exceptions = ReadExceptions(r, provision, status);
        var unknowns = ReadList(r, "unknowns");
        if (unknowns is { IsEmpty: false } && status is not null and not FindingStatus.Undetermined && r.KeyNode("unknowns") is { } unknownsKey)
        {
            r.Report(YamlDiagnosticCodes.CannotOccur, $"only an undetermined finding names unknowns; this expectation is {StatusWords.Of(status.Value)} (write 'unknowns: []' to check there are none)", unknownsKey.Location);
        }

        DateTimeOffset? due = null;
        if (r.Scalar("due", r.Optional("due")) is { } dueText)
        {
            if (provision.Modality != Modality.Obligation)
            {
                r.Report(YamlDiagnosticCodes.CannotOccur, $"only an obligation has a due instant; {provision.Id} is a {ModalityWord(provision.Modality)}", dueText.Location);
            }
            else
            {
                due = ScenarioReader.ReadInstant(r, dueText, ordinance.Jurisdiction.TimeZone);
            }
        }

        var facts = ReadFacts(r, provision);
        if (_diagnostics.Count > before || status is null)
        {
            return null;
        }

        return new ExpectedFinding
        {
            ProvisionId = provision.Id,
            Status = status.Value,
            Facts = facts,
            Exceptions = exceptions,
            Unknowns = unknowns,
            DueAt = due,
            Location = mapping.Location,
        };
    }

    private static FindingStatus? ReadStatus(MappingReader r, YamlScalar text, Provision provision)
    {
        if (!StatusWords.TryParse(text.Value, out var status))
        {
            r.Report(YamlDiagnosticCodes.InvalidValue, $"'{text.Value}' is not a status; write one of {string.Join(", ", StatusWords.All)}{Suggestions.DidYouMean(text.Value, StatusWords.All)}", text.Location);
            return null;
        }

        if (status == FindingStatus.Pending && provision.Modality != Modality.Obligation)
        {
            r.Report(YamlDiagnosticCodes.CannotOccur, $"only an obligation can be pending; {provision.Id} is a {ModalityWord(provision.Modality)}", text.Location);
            return null;
        }

        return status;
    }

    private static ImmutableArray<string>? ReadExceptions(MappingReader r, Provision provision, FindingStatus? status)
    {
        var ids = ReadList(r, "exception");
        if (ids is null)
        {
            return null;
        }

        var declared = AllExceptions(provision.Exceptions).Select(e => e.Id).ToList();
        var node = r.Optional("exception")!;
        var items = node is YamlSequence sequence ? sequence.Items : [node];
        foreach (var item in items.OfType<YamlScalar>().Where(i => !declared.Contains(i.Value, StringComparer.Ordinal)))
        {
            var has = declared.Count == 0 ? "it has none" : $"it has {string.Join(", ", declared)}";
            r.Report(YamlDiagnosticCodes.NotInOrdinance, $"provision {provision.Id} has no exception '{item.Value}' ({has}){Suggestions.DidYouMean(item.Value, declared)}", item.Location);
        }

        if (!ids.Value.IsEmpty && status is not null and not FindingStatus.ExceptionApplies)
        {
            r.Report(YamlDiagnosticCodes.CannotOccur, $"only an exception-applies finding names exceptions; this expectation is {StatusWords.Of(status.Value)}", r.KeyNode("exception")!.Location);
        }

        return ids;
    }

    private static IEnumerable<ProvisionException> AllExceptions(IEnumerable<ProvisionException> exceptions) =>
        exceptions.SelectMany(e => AllExceptions(e.Exceptions).Prepend(e));

    /// <summary>A list of texts, or one text standing for a list of one; null when the key is absent or has problems.</summary>
    private static ImmutableArray<string>? ReadList(MappingReader r, string key)
    {
        switch (r.Optional(key))
        {
            case null:
                return null;
            case YamlSequence sequence:
                var values = sequence.Items.Select(i => r.Scalar(key, i)?.Value).ToList();
                return values.Contains(null) ? null : [.. values.OfType<string>()];
            case var node:
                return r.Scalar(key, node) is { } one ? [one.Value] : null;
        }
    }

    private static ImmutableDictionary<string, string> ReadFacts(MappingReader r, Provision provision)
    {
        var facts = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (r.Mapping("facts", r.Optional("facts"), $"'facts' in {r.Context} must be a mapping of the provision's variables to fact ids, such as {{ a: act-1 }}") is not { } mapping)
        {
            return facts.ToImmutable();
        }

        var variables = provision.For
            .Concat(provision.ViolatedWhen?.For ?? [])
            .Concat(provision.Duty?.MetBy.For ?? [])
            .Select(b => b.Variable)
            .ToList();
        foreach (var (key, value) in mapping.Entries)
        {
            if (!variables.Contains(key.Value, StringComparer.Ordinal))
            {
                r.Report(YamlDiagnosticCodes.NotInOrdinance, $"provision {provision.Id} binds no variable '{key.Value}' (it binds {string.Join(", ", variables)}){Suggestions.DidYouMean(key.Value, variables)}", key.Location);
            }
            else if (r.Scalar(key.Value, value) is { } id)
            {
                facts[key.Value] = id.Value;
            }
        }

        return facts.ToImmutable();
    }

    private static string ModalityWord(Modality modality) => modality switch
    {
        Modality.Prohibition => "prohibition",
        Modality.Obligation => "obligation",
        Modality.Permission => "permission",
        _ => "non-obligation",
    };
}

/// <summary>Adds to a list only what is there.</summary>
internal static class ListExtensions
{
    public static void AddIfNotNull<T>(this List<T> list, T? item)
        where T : class
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}
