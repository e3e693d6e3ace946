using System.Collections.Frozen;
using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Vocabulary;

/// <summary>
/// The fact types a scenario can use and an ordinance's conditions can test, declared as data so
/// that a city can add a type or a field without C#.
/// </summary>
/// <remarks>Immutable and thread-safe. Build one with <c>Create</c>, which reports every problem at once.</remarks>
public sealed class FactVocabulary
{
    private readonly FrozenDictionary<string, FactType> _byName;

    private FactVocabulary(string name, ImmutableArray<FactType> types, FactVocabulary? extends = null, string? description = null)
    {
        Name = name;
        Types = types;
        Extends = extends;
        Description = description;
        _byName = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The vocabulary's name, such as <c>immigration-cooperation</c>.</summary>
    public string Name { get; }

    /// <summary>What the vocabulary is for, when its file says.</summary>
    public string? Description { get; }

    /// <summary>
    /// The vocabulary this one extends (<see cref="Extend(string, VocabularyExtension, out IReadOnlyList{Diagnostic})"/>),
    /// or null; every type, field and value of it is also in this one.
    /// </summary>
    public FactVocabulary? Extends { get; }

    /// <summary>The fact types, in declaration order.</summary>
    public ImmutableArray<FactType> Types { get; }

    /// <summary>Creates a vocabulary, checking that names are identifiers and distinct and that references resolve.</summary>
    /// <param name="name">The vocabulary's name.</param>
    /// <param name="types">The fact types.</param>
    /// <param name="diagnostics">Every problem found; empty when the vocabulary is sound.</param>
    /// <returns>The vocabulary, or null when there were problems.</returns>
    public static FactVocabulary? Create(string name, IEnumerable<FactType> types, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(types);
        var list = types.ToImmutableArray();
        var problems = VocabularyValidator.Check(list);
        diagnostics = problems;
        return problems.Count == 0 ? new FactVocabulary(name, list) : null;
    }

    /// <summary>Creates a vocabulary, throwing when it has problems.</summary>
    /// <param name="name">The vocabulary's name.</param>
    /// <param name="types">The fact types.</param>
    /// <returns>The vocabulary.</returns>
    /// <exception cref="OrdinanceDiagnosticException">The vocabulary has problems.</exception>
    public static FactVocabulary Create(string name, IEnumerable<FactType> types) =>
        Create(name, types, out var diagnostics) ?? throw new OrdinanceDiagnosticException(diagnostics);

    /// <summary>
    /// A vocabulary that extends this one: its types with <paramref name="extension"/>'s new fields and values, and
    /// the extension's new types after them. Strict: every type and field added to must exist here (the problem
    /// suggests the closest name), and nothing added may exist already.
    /// </summary>
    /// <param name="name">The new vocabulary's name.</param>
    /// <param name="extension">What to add.</param>
    /// <param name="diagnostics">Every problem found; empty on success.</param>
    /// <returns>The extended vocabulary (whose <see cref="Extends"/> is this one), or null when there were problems.</returns>
    public FactVocabulary? Extend(string name, VocabularyExtension extension, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var problems = new List<Diagnostic>();
        var merged = Types.ToDictionary(t => t.Name, t => t.Fields.ToList(), StringComparer.Ordinal);
        foreach (var added in extension.Types.Where(t => merged.ContainsKey(t.Name)))
        {
            problems.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"fact type '{added.Name}' is already declared by vocabulary '{Name}'; to add to it, list what it gains under add-fields or add-values", added.Location));
        }

        foreach (var (typeName, field) in extension.Fields)
        {
            if (Fields(typeName, field.Location, problems) is not { } fields)
            {
                continue;
            }

            var old = fields.FirstOrDefault(f => f.Name == field.Name);
            if (old is not null)
            {
                problems.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"field '{typeName}.{field.Name}' is already declared by vocabulary '{Name}' (as {old.Type}); an extension adds new fields only", field.Location));
                continue;
            }

            fields.Add(field);
        }

        foreach (var value in extension.Values)
        {
            if (Fields(value.TypeName, value.Location, problems) is not { } fields)
            {
                continue;
            }

            var index = fields.FindIndex(f => f.Name == value.FieldName);
            if (index < 0)
            {
                problems.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"fact type '{value.TypeName}' has no field '{value.FieldName}' to add values to{Facts.ScenarioBuilder.Suggest(value.FieldName, fields.Where(f => f.Type.Values.Length > 0).Select(f => f.Name))}", value.Location));
                continue;
            }

            var field = fields[index];
            if (field.Type.Kind is not (FieldKind.Enumeration or FieldKind.EnumerationSet))
            {
                problems.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"field '{value.TypeName}.{value.FieldName}' is {field.Type}, not an enumeration or a set; only those take values", value.Location));
                continue;
            }

            if (field.Type.Allows(value.Value))
            {
                problems.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"'{value.Value}' is already a value of '{value.TypeName}.{value.FieldName}'", value.Location));
                continue;
            }

            var values = field.Type.Values.Add(value.Value);
            fields[index] = field with
            {
                Type = field.Type.Kind == FieldKind.Enumeration ? FieldType.Enumeration(values) : FieldType.EnumerationSet(values),
                ValueDescriptions = value.Description is null ? field.ValueDescriptions : field.ValueDescriptions.SetItem(value.Value, value.Description),
            };
        }

        if (problems.Count > 0)
        {
            diagnostics = problems;
            return null;
        }

        var types = Types.Select(t => merged[t.Name].Count == t.Fields.Length && merged[t.Name].SequenceEqual(t.Fields) ? t : new FactType(t.Name, merged[t.Name], t.Description, t.Location))
            .Concat(extension.Types)
            .ToImmutableArray();
        var checkedProblems = VocabularyValidator.Check(types);
        diagnostics = checkedProblems;
        return checkedProblems.Count == 0 ? new FactVocabulary(name, types, this) : null;

        List<FieldDefinition>? Fields(string typeName, SourceLocation? location, List<Diagnostic> problems)
        {
            if (merged.TryGetValue(typeName, out var fields))
            {
                return fields;
            }

            problems.Add(new Diagnostic(DiagnosticCodes.VocabularyExtension, $"vocabulary '{Name}' has no fact type '{typeName}' to add to{Facts.ScenarioBuilder.Suggest(typeName, merged.Keys)}; a new type lists its fields under fields", location));
            return null;
        }
    }

    /// <summary>This vocabulary with a description, for a vocabulary read from a file that has one.</summary>
    internal FactVocabulary WithDescription(string? description) =>
        description == Description ? this : new FactVocabulary(Name, Types, Extends, description);

    /// <summary>
    /// A vocabulary with this one's types and <paramref name="extension"/>'s: a type named in both
    /// gets the extension's extra fields; an enumeration or set field declared in both takes the values of
    /// both (so two laws of a stack that extend one base differently each keep their values); a new type is added.
    /// </summary>
    /// <param name="name">The new vocabulary's name.</param>
    /// <param name="extension">The types and fields to add.</param>
    /// <param name="diagnostics">Problems, such as a field redeclared with another type.</param>
    /// <returns>The extended vocabulary, or null when there were problems.</returns>
    public FactVocabulary? Extend(string name, IEnumerable<FactType> extension, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var merged = Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var order = Types.Select(t => t.Name).ToList();
        var problems = new List<Diagnostic>();
        foreach (var added in extension)
        {
            if (!merged.TryGetValue(added.Name, out var existing))
            {
                merged[added.Name] = added;
                order.Add(added.Name);
                continue;
            }

            var fields = existing.Fields.ToList();
            foreach (var field in added.Fields)
            {
                if (existing.TryGetField(field.Name, out var old))
                {
                    var index = fields.FindIndex(f => f.Name == field.Name);
                    if (Union(old, field) is { } union)
                    {
                        // The same enumeration, extended differently by two laws of a stack: each law's values are valid.
                        fields[index] = union;
                    }
                    else if (field.Sensitive && !old.Sensitive && old.Type.Equals(field.Type))
                    {
                        fields[index] = old with { Sensitive = true };
                    }
                    else if (!old.Type.Equals(field.Type))
                    {
                        problems.Add(new Diagnostic(
                            DiagnosticCodes.VocabularyConflict,
                            $"field '{added.Name}.{field.Name}' is already declared as {old.Type}; it cannot be redeclared as {field.Type}",
                            field.Location));
                    }

                    continue;
                }

                fields.Add(field);
            }

            merged[added.Name] = new FactType(existing.Name, fields, existing.Description ?? added.Description, existing.Location);
        }

        if (problems.Count > 0)
        {
            diagnostics = problems;
            return null;
        }

        if (order.Count == Types.Length && Types.All(t => ReferenceEquals(merged[t.Name], t) || merged[t.Name].Fields.SequenceEqual(t.Fields)))
        {
            diagnostics = [];
            return this;
        }

        return Create(name, order.Select(n => merged[n]), out diagnostics);
    }

    /// <summary>Two declarations of one enumeration or set field whose values differ, as one field with the values of both; otherwise null.</summary>
    private static FieldDefinition? Union(FieldDefinition old, FieldDefinition added)
    {
        if (old.Type.Kind != added.Type.Kind || old.Type.Kind is not (FieldKind.Enumeration or FieldKind.EnumerationSet) || old.Type.Equals(added.Type))
        {
            return null;
        }

        var values = old.Type.Values.Concat(added.Type.Values.Where(v => !old.Type.Allows(v)));
        return old with
        {
            Type = old.Type.Kind == FieldKind.Enumeration ? FieldType.Enumeration(values) : FieldType.EnumerationSet(values),
            Sensitive = old.Sensitive || added.Sensitive,
            ValueDescriptions = added.ValueDescriptions.SetItems(old.ValueDescriptions),
        };
    }

    /// <summary>Finds a fact type by name.</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns>True when the vocabulary has the type.</returns>
    public bool TryGetType(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FactType? type) =>
        _byName.TryGetValue(name, out type);
}
