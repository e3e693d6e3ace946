using NRules;
using OrdinanceRules.Diagnostics;
using OrdinanceRules.Evaluation;
using OrdinanceRules.Facts;
using OrdinanceRules.Model;

namespace OrdinanceRules.Compilation;

// Throwaway stubs so the YAML branch builds before the compiler lands; drop this file on merge.
internal sealed class RuleCatalog
{
    public int RuleCount => 0;
}

internal static class RuleSetCompiler
{
    public static Result<CompiledOrdinance> Compile(Ordinance ordinance) =>
        throw new NotImplementedException("The rule-set compiler is not on this branch.");
}

internal static class Evaluator
{
    public static ComplianceReport Run(CompiledOrdinance compiled, ISessionFactory factory, RuleCatalog catalog, Scenario scenario, DateTimeOffset asOf) =>
        throw new NotImplementedException("The evaluator is not on this branch.");
}
