using OrdinanceRules.Diagnostics;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

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
    public static Result<CompiledOrdinance> TryCompile(Ordinance ordinance)
    {
        ArgumentNullException.ThrowIfNull(ordinance);
        return RuleSetCompiler.Compile(ordinance);
    }

    /// <summary>Compiles an ordinance.</summary>
    /// <param name="ordinance">The ordinance.</param>
    /// <returns>The compiled ordinance.</returns>
    /// <exception cref="OrdinanceDiagnosticException">The ordinance has problems; every one is listed.</exception>
    public static CompiledOrdinance Compile(Ordinance ordinance) => TryCompile(ordinance).GetValueOrThrow();
}
