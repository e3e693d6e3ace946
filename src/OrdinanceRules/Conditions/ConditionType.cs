using System.Collections.Immutable;
using OrdinanceRules.Vocabulary;

namespace OrdinanceRules.Conditions;

internal enum TypeKind
{
    YesNo,
    Text,
    Number,
    Instant,
    Duration,
    Period,
    Enumeration,
    Set,
    Fact,

    /// <summary>A set of references to facts of one type (<see cref="ConditionType.Fact"/>).</summary>
    FactSet,
    None,
    List,
}

/// <summary>The static type of an expression, checked against the vocabulary before anything runs.</summary>
internal sealed record ConditionType(TypeKind Kind, FactType? Fact = null, ImmutableArray<string> Values = default, ConditionType? Element = null)
{
    public static readonly ConditionType YesNo = new(TypeKind.YesNo);
    public static readonly ConditionType Text = new(TypeKind.Text);
    public static readonly ConditionType Number = new(TypeKind.Number);
    public static readonly ConditionType Instant = new(TypeKind.Instant);
    public static readonly ConditionType Duration = new(TypeKind.Duration);
    public static readonly ConditionType Period = new(TypeKind.Period);
    public static readonly ConditionType None = new(TypeKind.None);

    public bool IsTextual => Kind is TypeKind.Text or TypeKind.Enumeration;

    public bool IsOrdered => Kind is TypeKind.Number or TypeKind.Instant or TypeKind.Duration;

    public static ConditionType OfField(FieldType type, FactVocabulary vocabulary) => type.Kind switch
    {
        FieldKind.Text => Text,
        FieldKind.YesNo => YesNo,
        FieldKind.Number => Number,
        FieldKind.Instant => Instant,
        FieldKind.Duration => Duration,
        FieldKind.Enumeration => new ConditionType(TypeKind.Enumeration, Values: type.Values),
        FieldKind.EnumerationSet => new ConditionType(TypeKind.Set, Values: type.Values),
        FieldKind.Reference => vocabulary.TryGetType(type.ReferencedType!, out var target)
            ? new ConditionType(TypeKind.Fact, target)
            : throw new InvalidOperationException("A validated vocabulary has a dangling reference."),
        FieldKind.ReferenceSet => vocabulary.TryGetType(type.ReferencedType!, out var members)
            ? new ConditionType(TypeKind.FactSet, members)
            : throw new InvalidOperationException("A validated vocabulary has a dangling reference."),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public override string ToString() => Kind switch
    {
        TypeKind.YesNo => "yes/no",
        TypeKind.Text => "text",
        TypeKind.Number => "a number",
        TypeKind.Instant => "an instant",
        TypeKind.Duration => "a duration",
        TypeKind.Period => "a calendar period",
        TypeKind.Enumeration => "an enumeration value",
        TypeKind.Set => "a set",
        TypeKind.Fact => Diagnostics.Echo.WithArticle(Fact!.Name),
        TypeKind.FactSet => $"a set of references to {Fact!.Name}",
        TypeKind.None => "none",
        TypeKind.List => "a list",
        _ => Kind.ToString(),
    };
}
