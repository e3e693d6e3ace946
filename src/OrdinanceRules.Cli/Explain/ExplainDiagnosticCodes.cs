namespace OrdinanceRules.Cli.Explain;

/// <summary>The codes of the problems <c>ordinance explain</c> and <c>ordinance what-if</c> report; docs/cli.md explains each.</summary>
internal static class ExplainDiagnosticCodes
{
    /// <summary>A <c>--set</c> value is not <c>fact.field=value</c>, or names a fact or field the scenario lacks, or a value the field does not take.</summary>
    public const string InvalidSet = "OR5201";

    /// <summary>A <c>--provision</c> names no provision of the ordinance.</summary>
    public const string UnknownProvision = "OR5202";
}
