using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Vocabulary;

/// <summary>A field of a fact type: its name, its type and what it means.</summary>
/// <param name="Name">The field's name, an identifier such as <c>receivedAt</c>.</param>
/// <param name="Type">The field's type.</param>
/// <param name="Description">What the field means, for authors of scenarios.</param>
/// <param name="Location">Where the field was declared, when it came from a file.</param>
public sealed record FieldDefinition(string Name, FieldType Type, string? Description = null, SourceLocation? Location = null);
