using OrdinanceRules.Diagnostics;

namespace OrdinanceRules;

/// <summary>
/// A problem found in an ordinance, a vocabulary or a scenario: a stable code, a message for the
/// author and, where known, the place in the source.
/// </summary>
/// <param name="Code">A stable code such as <c>OR1001</c>; see docs/diagnostics.md.</param>
/// <param name="Message">One sentence saying what is wrong and, where it helps, what would be right.</param>
/// <param name="Location">Where the problem is, when the input came from a file.</param>
public sealed record Diagnostic(string Code, string Message, SourceLocation? Location = null)
{
    /// <summary>Formats the diagnostic as <c>file:line:column: error CODE: message</c>.</summary>
    /// <returns>The formatted diagnostic.</returns>
    /// <remarks>The text is safe to print: control characters, from a file or a value echoed, are written as visible escapes.</remarks>
    public override string ToString() =>
        Echo.Clean(Location is null ? $"error {Code}: {Message}" : $"{Location}: error {Code}: {Message}");
}
