namespace OrdinanceRules.Diagnostics;

/// <summary>
/// A place in a source file: the file's name and a one-based line and column.
/// </summary>
/// <remarks>
/// Model elements loaded from a file carry the location they came from, so that a problem found
/// later (a condition that does not type-check, a fact that names an unknown field) is still
/// reported at the right line and column.
/// </remarks>
public sealed record SourceLocation
{
    /// <summary>Creates a location.</summary>
    /// <param name="file">The file's name or path, as the user gave it.</param>
    /// <param name="line">The one-based line.</param>
    /// <param name="column">The one-based column.</param>
    public SourceLocation(string file, int line, int column)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file's name or path.</summary>
    public string File { get; }

    /// <summary>The one-based line.</summary>
    public int Line { get; }

    /// <summary>The one-based column.</summary>
    public int Column { get; }

    /// <summary>The location <paramref name="columns"/> columns further on the same line.</summary>
    /// <param name="columns">How many columns to move right; zero or more.</param>
    /// <returns>The shifted location.</returns>
    public SourceLocation Shift(int columns) => new(File, Line, Column + Math.Max(0, columns));

    /// <summary>The location a <paramref name="line"/> and <paramref name="column"/> inside a text that starts here.</summary>
    /// <param name="line">One-based line within the embedded text.</param>
    /// <param name="column">One-based column within the embedded text.</param>
    /// <returns>The location in the file.</returns>
    public SourceLocation Offset(int line, int column) =>
        line <= 1 ? new(File, Line, Column + column - 1) : new(File, Line + line - 1, column);

    /// <summary>Formats the location as <c>file:line:column</c>.</summary>
    /// <returns>The formatted location.</returns>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
