using OrdinanceRules.Diagnostics;

namespace OrdinanceRules.Model;

/// <summary>
/// An expression of the condition language, as written, and where it was written, so that a problem in
/// it is reported at its line and column. See docs/conditions.md.
/// </summary>
/// <param name="Text">The expression, such as <c>r.from.enforcesImmigration and r.kind == 'detainer'</c>.</param>
/// <param name="Location">Where the expression's first character stands in its file.</param>
public sealed record ConditionText(string Text, SourceLocation? Location = null)
{
    /// <summary>Makes a condition from text with no source location.</summary>
    /// <param name="text">The expression.</param>
    public static implicit operator ConditionText(string text) => new(text);

    /// <summary>The expression's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
