namespace OrdinanceRules.Cli.Comparison;

/// <summary>The codes of the problems <c>ordinance compare</c> adds to those of the command line; docs/cli.md explains each.</summary>
internal static class CompareDiagnosticCodes
{
    /// <summary>The <c>--scenarios</c> folder does not exist or holds no <c>*.yaml</c> file.</summary>
    public const string NoScenarios = "OR5101";

    /// <summary><c>--reading</c> was given with more (or fewer) than one ordinance: it compares one ordinance under different readings.</summary>
    public const string ReadingsNeedOneOrdinance = "OR5102";
}
