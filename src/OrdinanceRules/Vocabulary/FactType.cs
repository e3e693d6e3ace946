using System.Collections.Frozen;
using System.Collections.Immutable;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Vocabulary;

/// <summary>A type of fact a scenario can state, such as <c>request</c> or <c>crime</c>, with its fields.</summary>
/// <remarks>Every fact has an <c>id</c>; it is not listed among the fields.</remarks>
public sealed class FactType
{
    private readonly FrozenDictionary<string, int> _indexByName;

    /// <summary>Creates a fact type.</summary>
    /// <param name="name">The type's name, an identifier.</param>
    /// <param name="fields">The fields, in order; their names must be distinct.</param>
    /// <param name="description">What a fact of this type records.</param>
    /// <param name="location">Where the type was declared, when it came from a file.</param>
    public FactType(string name, IEnumerable<FieldDefinition> fields, string? description = null, SourceLocation? location = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(fields);
        Name = name;
        Fields = [.. fields];
        Description = description;
        Location = location;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Fields.Length; i++)
        {
            index.TryAdd(Fields[i].Name, i);
        }

        _indexByName = index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The type's name.</summary>
    public string Name { get; }

    /// <summary>The fields, in declaration order.</summary>
    public ImmutableArray<FieldDefinition> Fields { get; }

    /// <summary>What a fact of this type records.</summary>
    public string? Description { get; }

    /// <summary>Where the type was declared.</summary>
    public SourceLocation? Location { get; }

    /// <summary>Finds a field by name.</summary>
    /// <param name="name">The field's name.</param>
    /// <param name="field">The field, when found.</param>
    /// <returns>True when the type has the field.</returns>
    public bool TryGetField(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FieldDefinition? field)
    {
        if (_indexByName.TryGetValue(name, out var i))
        {
            field = Fields[i];
            return true;
        }

        field = null;
        return false;
    }

    internal int IndexOf(string name) => _indexByName.TryGetValue(name, out var i) ? i : -1;

    /// <summary>The type's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
