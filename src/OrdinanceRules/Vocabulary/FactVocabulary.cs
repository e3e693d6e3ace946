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

    private FactVocabulary(string name, ImmutableArray<FactType> types)
    {
        Name = name;
        Types = types;
        _byName = types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
    }

    /// <summary>The vocabulary's name, such as <c>immigration-cooperation</c>.</summary>
    public string Name { get; }

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
    /// A vocabulary with this one's types and <paramref name="extension"/>'s: a type named in both
    /// gets the extension's extra fields; a new type is added.
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
                    if (!old.Type.Equals(field.Type))
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

        if (order.Count == Types.Length && Types.All(t => ReferenceEquals(merged[t.Name], t) || merged[t.Name].Fields.Length == t.Fields.Length))
        {
            diagnostics = [];
            return this;
        }

        return Create(name, order.Select(n => merged[n]), out diagnostics);
    }

    /// <summary>Finds a fact type by name.</summary>
    /// <param name="name">The type's name.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns>True when the vocabulary has the type.</returns>
    public bool TryGetType(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FactType? type) =>
        _byName.TryGetValue(name, out type);
}
