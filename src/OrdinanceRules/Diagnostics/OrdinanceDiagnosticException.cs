namespace OrdinanceRules.Diagnostics;

/// <summary>
/// Thrown by the convenience methods that do not return diagnostics (such as
/// <see cref="OrdinanceCompiler.Compile(Model.Ordinance)"/>) when the input has problems.
/// </summary>
/// <remarks>Every problem found is in <see cref="Diagnostics"/>, not only the first.</remarks>
public sealed class OrdinanceDiagnosticException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    public OrdinanceDiagnosticException(IReadOnlyList<Diagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string FormatMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Count == 1
            ? diagnostics[0].ToString()
            : $"{diagnostics.Count} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, diagnostics);
    }
}
