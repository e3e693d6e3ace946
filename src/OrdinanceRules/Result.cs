using System.Diagnostics.CodeAnalysis;
using OrdinanceRules.Diagnostics;

namespace OrdinanceRules;

/// <summary>
/// The outcome of reading or compiling author input: a value, or every problem found. Author errors
/// come back here rather than as exceptions.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Result<T>
    where T : class
{
    private Result(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
    }

    /// <summary>The value; null when there were problems.</summary>
    public T? Value { get; }

    /// <summary>Every problem found; empty on success.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether there is a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Value is not null;

    /// <summary>A successful result.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static Result<T> Success(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value, []);
    }

    /// <summary>A failed result.</summary>
    /// <param name="diagnostics">The problems; at least one.</param>
    /// <returns>The result.</returns>
    public static Result<T> Failure(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (diagnostics.Count == 0)
        {
            throw new ArgumentException("A failed result needs at least one diagnostic.", nameof(diagnostics));
        }

        return new(null, diagnostics);
    }

    /// <summary>The value, or an exception listing every problem.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="OrdinanceDiagnosticException">There were problems.</exception>
    public T GetValueOrThrow() => Value ?? throw new OrdinanceDiagnosticException(Diagnostics);
}
