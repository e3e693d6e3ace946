using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Facts;

/// <summary>
/// Builds a <see cref="Scenario"/> in a vocabulary: facts with their fields, checked and linked at
/// <see cref="Build"/>. Mutable and single-use; the scenario it builds is immutable.
/// </summary>
/// <example>
/// <code>
/// var scenario = new ScenarioBuilder(ordinance.Vocabulary, ordinance.Jurisdiction.TimeZone)
///     .Fact("agency", "ICE-ERO", f => f.Set("level", "federal").Set("enforcesImmigration", true))
///     .Fact("request", "req-1", f => f.Set("from", "ICE-ERO").Set("receivedAt", "2021-03-01T09:00"))
///     .Build();
/// </code>
/// </example>
public sealed class ScenarioBuilder
{
    private readonly FactVocabulary _vocabulary;
    private readonly JurisdictionClock _clock;
    private readonly List<FactBuilder> _facts = [];
    private readonly List<(string Type, SourceLocation? Location)> _unknownTypes = [];
    private string _name = "scenario";
    private string? _description;
    private DateTimeOffset? _asOf;
    private SourceLocation? _location;
    private bool _built;
    private bool _showSensitive;

    /// <summary>Starts a scenario in a vocabulary, reading local times in a zone.</summary>
    /// <param name="vocabulary">The vocabulary the facts use.</param>
    /// <param name="timeZone">The jurisdiction's IANA zone, for local times without an offset.</param>
    public ScenarioBuilder(FactVocabulary vocabulary, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _vocabulary = vocabulary;
        _clock = JurisdictionClock.For(timeZone);
    }

    /// <summary>Names the scenario.</summary>
    /// <param name="name">The name, for reports.</param>
    /// <param name="description">What the scenario is about.</param>
    /// <param name="location">Where the scenario came from.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Named(string name, string? description = null, SourceLocation? location = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        _description = description;
        _location = location;
        return this;
    }

    /// <summary>Sets the instant the scenario is to be judged at, unless the evaluation names another.</summary>
    /// <param name="asOf">The instant.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder AsOf(DateTimeOffset asOf)
    {
        _asOf = asOf;
        return this;
    }

    /// <summary>
    /// Whether the problems <see cref="TryBuild"/> reports may quote the values of sensitive fields
    /// (<see cref="FieldDefinition.Sensitive"/>); by default they show <see cref="Redaction.Placeholder"/> instead.
    /// </summary>
    /// <param name="show">True for a reader entitled to see them.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder ShowSensitive(bool show = true)
    {
        _showSensitive = show;
        return this;
    }

    /// <summary>Adds a fact.</summary>
    /// <param name="type">The fact type's name.</param>
    /// <param name="id">The fact's id, unique in the scenario.</param>
    /// <param name="fields">Sets the fact's fields.</param>
    /// <param name="location">Where the fact was stated.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder Fact(string type, string id, Action<FactBuilder>? fields = null, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(id);
        var builder = new FactBuilder(type, id, location);
        fields?.Invoke(builder);
        _facts.Add(builder);
        return this;
    }

    /// <summary>States that whether further facts of a type exist is unknown (the world is otherwise closed).</summary>
    /// <param name="type">The fact type's name.</param>
    /// <param name="location">Where this was stated.</param>
    /// <returns>This builder.</returns>
    public ScenarioBuilder UnknownWhetherAny(string type, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        _unknownTypes.Add((type, location));
        return this;
    }

    /// <summary>Builds the scenario, or reports every problem found.</summary>
    /// <param name="diagnostics">Every problem; empty on success.</param>
    /// <returns>The scenario, or null when there were problems.</returns>
    public Scenario? TryBuild(out IReadOnlyList<Diagnostic> diagnostics)
    {
        if (_built)
        {
            throw new InvalidOperationException("A ScenarioBuilder builds one scenario; start a new builder.");
        }

        _built = true;
        var problems = new List<Diagnostic>();
        var byId = new Dictionary<string, Fact>(StringComparer.Ordinal);
        var created = new List<(Fact Fact, FactBuilder Builder)>();
        foreach (var builder in _facts)
        {
            if (!_vocabulary.TryGetType(builder.Type, out var type))
            {
                problems.Add(new Diagnostic(DiagnosticCodes.InvalidFact, $"fact '{Echo.Value(builder.Id)}' has type '{Echo.Value(builder.Type)}', which the vocabulary does not declare{Suggest(builder.Type, _vocabulary.Types.Select(t => t.Name))}", builder.Location));
                continue;
            }

            if (!Identifiers.IsValidId(builder.Id))
            {
                problems.Add(new Diagnostic(DiagnosticCodes.InvalidFact, $"fact id '{Echo.Value(builder.Id)}' must start with a letter or digit and hold only letters, digits, '-', '_' and '.'", builder.Location));
                continue;
            }

            var fact = new Fact(type, builder.Id, builder.Location);
            if (!byId.TryAdd(builder.Id, fact))
            {
                problems.Add(new Diagnostic(DiagnosticCodes.DuplicateFactId, $"two facts have the id '{Echo.Value(builder.Id)}'", builder.Location));
                continue;
            }

            created.Add((fact, builder));
        }

        foreach (var (fact, builder) in created)
        {
            foreach (var entry in builder.Entries)
            {
                var index = fact.Type.IndexOf(entry.Field);
                if (index < 0)
                {
                    problems.Add(new Diagnostic(DiagnosticCodes.InvalidFact, $"fact type '{fact.Type.Name}' has no field '{Echo.Value(entry.Field)}'{Suggest(entry.Field, fact.Type.Fields.Select(f => f.Name))}", entry.Location ?? builder.Location));
                    continue;
                }

                var field = fact.Type.Fields[index];
                if (entry.IsUnknown)
                {
                    fact.SetRaw(index, UnknownMarker.Instance);
                    continue;
                }

                if (entry.IsNone)
                {
                    if (field.Type.Kind == FieldKind.YesNo)
                    {
                        problems.Add(new Diagnostic(DiagnosticCodes.InvalidFact, $"'{Echo.Value(entry.Field)}' of {fact.Type.Name} {Echo.Value(fact.Id)} is yes/no, which is yes, no or unknown, never none: write no if the answer is no", entry.Location ?? builder.Location));
                        continue;
                    }

                    fact.SetRaw(index, NoneMarker.Instance);
                    continue;
                }

                if (entry.Value is null)
                {
                    continue;
                }

                var converted = Convert(fact, field, entry.Value, byId, out var error);
                if (error is not null)
                {
                    problems.Add(new Diagnostic(error.Value.Code, error.Value.Message, entry.Location ?? builder.Location));
                    continue;
                }

                fact.SetRaw(index, converted);
            }
        }

        foreach (var (type, location) in _unknownTypes)
        {
            if (!_vocabulary.TryGetType(type, out _))
            {
                problems.Add(new Diagnostic(DiagnosticCodes.InvalidFact, $"'{Echo.Value(type)}' is not a fact type of the vocabulary", location));
            }
        }

        diagnostics = problems;
        if (problems.Count > 0)
        {
            return null;
        }

        return new Scenario(_name, _description, [.. created.Select(c => c.Fact)], [.. _unknownTypes.Select(u => u.Type).Distinct(StringComparer.Ordinal)], _asOf, _location);
    }

    /// <summary>Builds the scenario.</summary>
    /// <returns>The scenario.</returns>
    /// <exception cref="OrdinanceDiagnosticException">The scenario has problems; every one is listed.</exception>
    public Scenario Build() => TryBuild(out var diagnostics) ?? throw new OrdinanceDiagnosticException(diagnostics);

    private object? Convert(Fact fact, FieldDefinition field, object value, Dictionary<string, Fact> byId, out (string Code, string Message)? error)
    {
        error = null;
        var name = $"{fact.Id}.{field.Name}";
        var hidden = Redaction.IsHidden(field, _showSensitive);

        // A value quoted for a person to read: hidden for a sensitive field, and then no suggestion either (it would tell the value).
        string Quoted(string text) => hidden ? Redaction.Placeholder : $"'{Echo.Value(text)}'";
        string Suggestion(string text) => hidden ? $" (the value of a sensitive field is not shown; {RevealHint})" : Suggest(text, field.Type.Values);
        switch (field.Type.Kind)
        {
            case FieldKind.Text when value is string s:
                return s;
            case FieldKind.YesNo when value is bool b:
                return b;
            case FieldKind.YesNo when value is string quoted && YesNoWords.Contains(quoted.Trim(), StringComparer.OrdinalIgnoreCase):
                error = (DiagnosticCodes.InvalidFact, $"'{name}' needs yes or no, not the text {Quoted(quoted)}: drop the quotes around it (in C#, pass a bool)");
                return null;
            case FieldKind.Number when TryNumber(value, out var d):
                if (Limits.InRange(d))
                {
                    return d;
                }

                error = (DiagnosticCodes.ValueOutOfRange, $"'{name}' is {d.ToString(CultureInfo.InvariantCulture)}, out of range: the allowed {Limits.NumberRange}");
                return null;
            case FieldKind.Duration when value is TimeSpan span:
                if (Limits.InRange(span))
                {
                    return span;
                }

                error = (DiagnosticCodes.ValueOutOfRange, $"'{name}' is {DurationText.Format(span)}, out of range: the allowed {Limits.DurationRange}");
                return null;
            case FieldKind.Duration when value is string text:
                if (DurationText.TryParse(text, out var parsed, out var tooLarge))
                {
                    return parsed;
                }

                error = tooLarge is null
                    ? (DiagnosticCodes.InvalidFact, $"'{name}' needs a duration such as 48h, 30m or 2d, not {Quoted(text)}")
                    : (DiagnosticCodes.ValueOutOfRange, hidden ? $"'{name}': the duration given ({Redaction.Placeholder}) is out of range" : $"'{name}': {tooLarge}");
                return null;
            case FieldKind.Instant when value is DateTimeOffset instant:
                if (Limits.InRange(instant) && Math.Abs(instant.Offset.TotalMinutes) <= Limits.MaxOffsetMinutes)
                {
                    return instant;
                }

                error = (DiagnosticCodes.ValueOutOfRange, $"'{name}' is {instant.ToString("O", CultureInfo.InvariantCulture)}, out of range: the allowed {Limits.InstantRange}");
                return null;
            case FieldKind.Instant when value is DateTime dt:
                if (dt.Kind == DateTimeKind.Utc && Limits.InRange(new DateTimeOffset(dt)))
                {
                    return new DateTimeOffset(dt);
                }

                if (_clock.TryResolveLocal(dt, out var resolved, out var zoneError))
                {
                    return resolved;
                }

                error = (DiagnosticCodes.AmbiguousLocalTime, hidden ? $"'{name}': the local time given ({Redaction.Placeholder}) is skipped or repeated by a daylight-saving change; give its offset" : $"'{name}': {zoneError}");
                return null;
            case FieldKind.Instant when value is string text:
                if (_clock.TryParse(text, out var read, out var readError))
                {
                    return read;
                }

                var ambiguous = readError.Contains("daylight", StringComparison.Ordinal) || readError.Contains("twice", StringComparison.Ordinal);
                var outOfRange = readError.Contains("out of range", StringComparison.Ordinal);
                error = (ambiguous ? DiagnosticCodes.AmbiguousLocalTime : outOfRange ? DiagnosticCodes.ValueOutOfRange : DiagnosticCodes.InvalidFact, !hidden
                    ? $"'{name}': {readError}"
                    : ambiguous
                        ? $"'{name}': the local time given ({Redaction.Placeholder}) is skipped or repeated by a daylight-saving change; give its offset"
                        : $"'{name}' needs a date and time such as 2021-03-01T09:00:00-06:00 within the allowed range, and the value given ({Redaction.Placeholder}) is not one");
                return null;
            case FieldKind.Enumeration when value is string e:
                if (field.Type.Allows(e))
                {
                    return e;
                }

                error = (DiagnosticCodes.InvalidFact, $"'{name}' is {Quoted(e)}, which is not one of: {string.Join(", ", field.Type.Values)}{Suggestion(e)}");
                return null;
            case FieldKind.EnumerationSet when value is IEnumerable items && value is not string:
                var list = items.Cast<object?>().Select(i => i as string).ToList();
                var bad = list.Where(i => i is null || !field.Type.Allows(i)).ToList();
                if (bad.Count == 0)
                {
                    return list.Distinct(StringComparer.Ordinal).ToImmutableArray();
                }

                error = (DiagnosticCodes.InvalidFact, $"'{name}' lists {Quoted(bad[0] ?? "(none)")}, which is not one of: {string.Join(", ", field.Type.Values)}{(bad[0] is null ? string.Empty : Suggestion(bad[0]!))}");
                return null;
            case FieldKind.Reference when value is string id:
                if (byId.TryGetValue(id, out var target) && target.Type.Name == field.Type.ReferencedType)
                {
                    return target;
                }

                error = (DiagnosticCodes.DanglingReference, target is null
                    ? $"'{name}' refers to {Quoted(id)}, but the scenario has no fact with that id"
                    : $"'{name}' refers to {Quoted(id)}, which is {Echo.WithArticle(target.Type.Name)}, not {Echo.WithArticle(field.Type.ReferencedType!)}");
                return null;
            case FieldKind.Reference when value is Fact f:
                if (byId.TryGetValue(f.Id, out var same) && same.Type.Name == field.Type.ReferencedType)
                {
                    return same;
                }

                error = (DiagnosticCodes.DanglingReference, $"'{name}' refers to {Quoted(f.Id)}, which is not a {field.Type.ReferencedType} of this scenario");
                return null;
            case FieldKind.ReferenceSet when value is IEnumerable references && value is not string:
                var facts = ImmutableArray.CreateBuilder<Fact>();
                foreach (var item in references)
                {
                    var wanted = item switch { string s => s, Fact referenced => referenced.Id, _ => null };
                    if (wanted is null)
                    {
                        error = (DiagnosticCodes.InvalidFact, $"'{name}' needs a list of ids of {field.Type.ReferencedType} facts, and {Quoted(FactValue.Format(item))} is not an id");
                        return null;
                    }

                    if (!byId.TryGetValue(wanted, out var member) || member.Type.Name != field.Type.ReferencedType)
                    {
                        error = (DiagnosticCodes.DanglingReference, member is null
                            ? $"'{name}' lists {Quoted(wanted)}, but the scenario has no fact with that id"
                            : $"'{name}' lists {Quoted(wanted)}, which is {Echo.WithArticle(member.Type.Name)}, not {Echo.WithArticle(field.Type.ReferencedType!)}");
                        return null;
                    }

                    if (!facts.Contains(member))
                    {
                        facts.Add(member);
                    }
                }

                return facts.ToImmutable();
        }

        error = (DiagnosticCodes.InvalidFact, $"'{name}' needs {Article(field.Type)}, not {Quoted(FactValue.Format(value))}");
        return null;
    }

    private static string Article(FieldType type) => type.Kind switch
    {
        FieldKind.YesNo => "yes or no",
        FieldKind.Number => "a number",
        FieldKind.Instant => "a date and time",
        FieldKind.Duration => "a duration such as 48h",
        FieldKind.Enumeration => $"one of: {string.Join(", ", type.Values)}",
        FieldKind.EnumerationSet => $"a list of: {string.Join(", ", type.Values)}",
        FieldKind.Reference => $"the id of a {type.ReferencedType}",
        FieldKind.ReferenceSet => $"a list of ids of {type.ReferencedType} facts",
        _ => "text",
    };

    /// <summary>How a reader entitled to see a sensitive value asks for it, for messages that hide one.</summary>
    internal const string RevealHint = "ShowSensitive() on the builder, or --show-sensitive on the command line, shows it";

    private static readonly string[] YesNoWords = ["yes", "no", "true", "false"];

    private static bool TryNumber(object value, out decimal number)
    {
        switch (value)
        {
            case decimal d: number = d; return true;
            case int i: number = i; return true;
            case long l: number = l; return true;
            case double x when double.IsFinite(x) && Math.Abs(x) < 1e15: number = (decimal)x; return true;
            default: number = 0; return false;
        }
    }

    internal static string Suggest(string given, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Levenshtein(given.ToLowerInvariant(), c.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(2, given.Length / 3))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $"; did you mean '{best.Name}'?";
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

/// <summary>Sets the fields of one fact of a <see cref="ScenarioBuilder"/>.</summary>
public sealed class FactBuilder
{
    private readonly List<Entry> _entries = [];

    internal FactBuilder(string type, string id, SourceLocation? location)
    {
        Type = type;
        Id = id;
        Location = location;
    }

    internal string Type { get; }

    internal string Id { get; }

    internal SourceLocation? Location { get; }

    internal IReadOnlyList<Entry> Entries => _entries;

    /// <summary>
    /// Sets a field: text or an enumeration value as a string; yes/no as a bool; a number; an instant
    /// as a <see cref="DateTimeOffset"/>, a local <see cref="DateTime"/> or ISO 8601 text; a duration as a
    /// <see cref="TimeSpan"/> or text such as <c>48h</c>; a reference as the other fact's id; a set as strings.
    /// </summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value; null leaves the field out, as if it were not set (see <see cref="None"/> to state that it has no value).</param>
    /// <param name="location">Where the value was stated.</param>
    /// <returns>This builder.</returns>
    public FactBuilder Set(string field, object? value, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        _entries.Add(new Entry(field, value, false, location));
        return this;
    }

    /// <summary>
    /// States that a field has no value (<c>none</c> in a scenario file): no reference, no instant, no text, no
    /// enumeration value, or an empty set. Unlike a field left out, which a condition reads as its vocabulary's default
    /// or as unknown, a field stated none is known to have no value. A yes/no field cannot be none.
    /// </summary>
    /// <param name="field">The field's name.</param>
    /// <param name="location">Where this was stated.</param>
    /// <returns>This builder.</returns>
    public FactBuilder None(string field, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        _entries.Add(new Entry(field, null, false, location) { IsNone = true });
        return this;
    }

    /// <summary>States that a field's value is not known.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="location">Where this was stated.</param>
    /// <returns>This builder.</returns>
    public FactBuilder Unknown(string field, SourceLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        _entries.Add(new Entry(field, null, true, location));
        return this;
    }

    internal sealed record Entry(string Field, object? Value, bool IsUnknown, SourceLocation? Location)
    {
        public bool IsNone { get; init; }
    }
}
