namespace OrdinanceRules.Cli.Explain;

/// <summary>The codes of the problems <c>ordinance explain</c>, <c>what-if</c> and <c>interview</c> report; docs/cli.md explains each.</summary>
internal static class ExplainDiagnosticCodes
{
    /// <summary>A <c>--set</c> value is not <c>fact.field=value</c>, or names a fact or field the scenario lacks, or a value the field does not take.</summary>
    public const string InvalidSet = "OR5201";

    /// <summary>A <c>--provision</c> names no provision of the ordinance.</summary>
    public const string UnknownProvision = "OR5202";

    /// <summary>An <c>interview --answers</c> file is missing, or a line of it is not <c>fact.field=value</c>, or names a fact or field the scenario lacks, or a value the field does not take.</summary>
    public const string InvalidAnswer = "OR5203";
}
