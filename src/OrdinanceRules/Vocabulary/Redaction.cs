namespace OrdinanceRules.Vocabulary;

/// <summary>
/// The one place where a fact's value becomes text for a person to read (a report, an explanation, what-if,
/// an error message): a value of a <see cref="FieldDefinition.Sensitive"/> field is shown as
/// <see cref="Placeholder"/> unless the caller is entitled to see it and says so.
/// </summary>
/// <remarks>
/// Redaction hides the value only: which field of which fact it is, and whether it is known, unknown or
/// absent, stay visible, because a finding that depends on a status must still say so. A fact's id is not a
/// field and is never redacted: give persons opaque ids such as <c>per-1</c>.
/// </remarks>
public static class Redaction
{
    /// <summary>What a hidden value is shown as.</summary>
    public const string Placeholder = "[sensitive]";

    /// <summary>The text of a field's value as a person may read it.</summary>
    /// <param name="field">The field the value belongs to.</param>
    /// <param name="text">The value as text.</param>
    /// <param name="showSensitive">Whether the reader is entitled to see sensitive values.</param>
    /// <returns><paramref name="text"/>, or <see cref="Placeholder"/> for a sensitive field when <paramref name="showSensitive"/> is false.</returns>
    public static string Show(FieldDefinition field, string text, bool showSensitive)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        return IsHidden(field, showSensitive) ? Placeholder : text;
    }

    /// <summary>Whether a field's values are hidden from this reader.</summary>
    /// <param name="field">The field.</param>
    /// <param name="showSensitive">Whether the reader is entitled to see sensitive values.</param>
    /// <returns>True when the field is sensitive and the reader may not see it.</returns>
    public static bool IsHidden(FieldDefinition field, bool showSensitive)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Sensitive && !showSensitive;
    }
}
