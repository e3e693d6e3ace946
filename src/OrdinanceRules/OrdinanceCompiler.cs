using OrdinanceRules.Compilation;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules;

/// <summary>
/// Compiles an <see cref="Ordinance"/> into NRules rules: each provision and exception becomes a few
/// rules built with NRules.RuleModel's builders, and the Rete network is compiled once.
/// </summary>
/// <remarks>
/// Compilation is the expensive step (tens of milliseconds for an ordinance): do it once and reuse the
/// <see cref="CompiledOrdinance"/>, which is immutable and thread-safe.
/// </remarks>
public static class OrdinanceCompiler
{
    /// <summary>Compiles an ordinance, reporting every problem in its conditions at once.</summary>
    /// <param name="ordinance">The ordinance.</param>
    /// <returns>The compiled ordinance, or the problems found.</returns>
    public static Result<CompiledOrdinance> TryCompile(Ordinance ordinance) => TryCompile(ordinance, []);

    /// <summary>
    /// Compiles an ordinance stacked under higher laws (a state statute, a federal statute), so that a permission
    /// of higher law defeats a local provision where both bear on the same facts (the finding is
    /// <see cref="FindingStatus.ExceptionApplies"/>, citing the higher law).
    /// </summary>
    /// <param name="ordinance">The local ordinance.</param>
    /// <param name="higherLaws">Laws of a higher level (their jurisdiction's level is state or federal), in any order.</param>
    /// <returns>The compiled stack, or the problems found.</returns>
    /// <remarks>
    /// The laws share one vocabulary: the ordinance's, extended by theirs. Build scenarios with
    /// <see cref="CompiledOrdinance.Ordinance"/>'s vocabulary, which is that shared one.
    /// </remarks>
    public static Result<CompiledOrdinance> TryCompile(Ordinance ordinance, IEnumerable<Ordinance> higherLaws)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        ArgumentNullException.ThrowIfNull(higherLaws);
        Result<CompiledOrdinance> compiled;
        try
        {
            compiled = RuleSetCompiler.Compile(ordinance, [.. higherLaws]);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No input may make compilation throw: a fault of the library is reported, never the engine's message.
            return Result<CompiledOrdinance>.Failure([Evaluation.EvaluationGuard.Internal(ex, ordinance.Location, $"while compiling {ordinance.Citation}")]);
        }

        if (compiled.Value is { RuleCount: > Limits.MaxRules } tooMany)
        {
            return Result<CompiledOrdinance>.Failure([new Diagnostic(DiagnosticCodes.OrdinanceLimit, $"{ordinance.Citation} compiles into {tooMany.RuleCount:N0} rules; the limit is {Limits.MaxRules:N0}: split the ordinance", ordinance.Location)]);
        }

        return compiled;
    }

    /// <summary>Compiles an ordinance.</summary>
    /// <param name="ordinance">The ordinance.</param>
    /// <returns>The compiled ordinance.</returns>
    /// <exception cref="OrdinanceDiagnosticException">The ordinance has problems; every one is listed.</exception>
    public static CompiledOrdinance Compile(Ordinance ordinance) => TryCompile(ordinance).GetValueOrThrow();

    /// <summary>Compiles an ordinance stacked under higher laws.</summary>
    /// <param name="ordinance">The local ordinance.</param>
    /// <param name="higherLaws">Laws of a higher level.</param>
    /// <returns>The compiled stack.</returns>
    /// <exception cref="OrdinanceDiagnosticException">The laws have problems; every one is listed.</exception>
    public static CompiledOrdinance Compile(Ordinance ordinance, IEnumerable<Ordinance> higherLaws) => TryCompile(ordinance, higherLaws).GetValueOrThrow();
}
